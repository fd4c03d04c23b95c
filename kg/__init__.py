"""govkg: knowledge graphs of accountability from the minutes of public bodies.

Pipeline stages: kg.read -> kg.segment -> kg.extract -> kg.resolve -> kg.build -> kg.store.
"""
__version__ = "0.1.0"
