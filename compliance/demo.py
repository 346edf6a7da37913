"""Demo: run the deadline scans once so the demo shows today's alerts."""

from compliance.scans import deadlines_scan_all


def seed(log: callable) -> None:
    results = deadlines_scan_all()
    log("截止期限扫描：" + "，".join(f"{r.rule_code} 新增 {r.raised} 条" for r in results))
