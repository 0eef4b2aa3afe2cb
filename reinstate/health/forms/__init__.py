"""Forms for account health, one module per feature. Times are typed in the driver's own zone."""
