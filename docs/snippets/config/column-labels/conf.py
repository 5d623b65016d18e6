cookies_column_labels = {
    "provider": "Service provider's name",
    "function": "Function and location",
    "purpose": "Purposes",
}
cookies_columns = ["provider", "function", "name", "purpose"]
