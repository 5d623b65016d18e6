cookies_column_labels = {
    "name": {"en": "Cookie", "fr": "Nom du cookie", "de": "Name des Cookies"},
    "purpose": {"en": "Purposes", "fr": "Finalités", "de": "Zwecke"},
}
