"""claimledger: a cited ledger of claims from news, statements, transcripts and social posts.

Library first: ``claimledger.run.ingest`` and ``claimledger.run.extract`` do what the commands
do; ``claimledger.store.open_ledger`` opens a ledger for reading.
"""

from __future__ import annotations

__version__ = "0.1.0"
