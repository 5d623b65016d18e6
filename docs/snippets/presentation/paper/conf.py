# pdflatex, Sphinx's default engine, sets Latin text. For a few
# Cyrillic letters, load their font encoding too (texlive-lang-cyrillic):
latex_elements = {"fontenc": r"\usepackage[X2,T1]{fontenc}"}

# For more scripts, use XeLaTeX instead (texlive-xetex):
# latex_engine = "xelatex"
