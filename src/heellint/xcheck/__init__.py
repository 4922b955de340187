"""Translation QA: ``heellint xcheck SOURCE TARGET`` (or one XLIFF file).

- ``model``: the documents and segment pairs the checks compare;
- ``align``: segment pairs of two articles (blocks, sections or the whole text);
- ``xliff``: XLIFF 1.2 / 2.x through defusedxml, with exact positions;
- ``checks``: the XL1xx checks over aligned segments;
- ``numbers``: number readings across formats;
- ``rules``: the RuleMetas, documentation and worked examples;
- ``run``: from paths to a ``RunReport``; ``provider``: registers the codes.
"""
