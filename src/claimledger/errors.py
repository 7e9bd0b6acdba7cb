"""The one exception tree of claimledger.

    ClaimLedgerError                 base: the CLI prints one line, the API one JSON error
    ├── ConfigError                  a setting or option cannot be used
    ├── InputError                   an input cannot be read or decoded (recorded per document)
    │   ├── UnsupportedInput         a format claimledger does not read
    │   ├── InputTooLarge            over the size cap
    │   └── FetchError               a URL could not be fetched (timeout, status, refused address)
    ├── StoreError                   the ledger database cannot be opened, migrated or written
    │   └── NotFound                 a record id that the ledger does not hold
    └── ModelError                   a language model or encoder is missing or unusable

Messages say what to do next. Errors are translated only at the edges (CLI, API).
"""

from __future__ import annotations


class ClaimLedgerError(Exception):
    """Base of every error claimledger raises on purpose."""


class ConfigError(ClaimLedgerError):
    """A setting or command-line option cannot be used as given."""


class InputError(ClaimLedgerError):
    """An input cannot be read or decoded; recorded as a failed document."""


class UnsupportedInput(InputError):
    """The input is of a format claimledger does not read."""


class InputTooLarge(InputError):
    """The input is over the configured size cap."""


class FetchError(InputError):
    """A URL could not be fetched."""


class StoreError(ClaimLedgerError):
    """The ledger database cannot be opened, migrated or written."""


class NotFound(StoreError):
    """The ledger holds no record with the requested id."""


class ModelError(ClaimLedgerError):
    """A language model or sentence encoder is missing or unusable."""
