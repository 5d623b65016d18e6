extensions = ["sphinxcontrib_cookies"]
project = "Reference"
cookies_columns = ["provider", "function", "name", "purpose"]
cookies_column_labels = {
    "provider": "Service provider's name",
    "function": "Function and location",
    "name": "Cookie name(s)",
    "purpose": "Purposes",
}
