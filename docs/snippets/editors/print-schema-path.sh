python -c "import sphinxcontrib_cookies.schema as schema; print(schema.SCHEMA_PATH)"
