cookies_export = True
# Copied to the root of the output: a folder cookies.json/, where the export writes its file.
html_extra_path = ["public"]
