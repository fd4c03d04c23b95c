"""Imported only by the fork server of a parallel build (kg.pipeline._Parallel): it makes,
once, the tables and patterns every document needs, so each worker forked from the server
starts with them instead of making its own (the gazetteer's pattern alone takes about a
second to compile).  A failure here is left for the workers to meet and report per document.
"""


def _warm() -> None:
    try:
        from kg.extract import names
        from kg import gazetteer as gz, link
        names._rx_gazetteer()
        names._rx_posts()
        names._gazetteer_acronyms()
        gz.first_names()
        gz.trust_places()
        link._stemmer()
    except Exception:  # noqa: BLE001 - a missing gazetteer is each document's error to give
        pass


_warm()
