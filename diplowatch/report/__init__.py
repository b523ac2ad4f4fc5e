"""The self-contained HTML report: one page, inline CSS and JS, no network needed to open it."""

from diplowatch.report.render import render_report, write_report

__all__ = ["render_report", "write_report"]
