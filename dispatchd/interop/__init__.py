"""Speaking to partners: NENA EIDO (export, import, subscriptions), EMSI, CAP 1.2 warnings."""
