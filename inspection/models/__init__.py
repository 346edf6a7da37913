from inspection.models.findings import Check, DigestLog, Finding, Run
from inspection.models.monitoring import LinkCheck, LinkScope, Probe, ProbeSource

__all__ = ["Check", "DigestLog", "Finding", "LinkCheck", "LinkScope", "Probe", "ProbeSource", "Run"]
