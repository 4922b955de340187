"""The heellint language server (``heellint lsp``); pygls is imported only here."""
