"""The report's domain: editions, the report, input parsing, checks, drafts. No Qt here."""

APP_NAME = "政府信息公开工作年度报告"
APP_VERSION = "0.1.0"
