"""The lines that must travel with every map and every number."""


def boundaries() -> str:
    """GISCO's boundary attribution, in English: pages, images and PDFs say it in the reader's language
    (dashboard.i18n.say, whose catalogues hold GISCO's own French and German wording)."""
    return "© EuroGeographics for the administrative boundaries"
