"""Reading news from files, folders, WARC archives and stdin into stored articles."""
from eventwire.ingest.pipeline import IngestSummary, ingest_paths

__all__ = ["IngestSummary", "ingest_paths"]
