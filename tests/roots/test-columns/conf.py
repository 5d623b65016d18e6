from sphinxcontrib_cookies.render import COLUMNS

extensions = ["sphinxcontrib_cookies"]
cookies_export = True
# Every column the extension declares, in its order: a new column is tested as it is added.
cookies_columns = list(COLUMNS)
