"""The typed errors of the data layer: each names the source it is about."""


class DataError(Exception):
    """A source could not be fetched, verified, parsed or built; the message names it."""

    def __init__(self, source_id: str, message: str):
        super().__init__(f"[{source_id}] {message}")
        self.source_id = source_id


class FetchError(DataError):
    """Reading the mirror or downloading the live URL failed."""


class ChecksumError(DataError):
    """A file's sha256 differs from the one the manifest or the mirror's SHA256SUMS expects."""


class ParseError(DataError):
    """A file does not have the layout its adapter expects (truncated, corrupt, wrong format)."""


class StoreMissingError(Exception):
    """The tidy store has not been built yet; run `python -m loaders fetch && python -m indicators build`."""
