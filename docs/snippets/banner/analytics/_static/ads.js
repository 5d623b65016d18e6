// The site's advertising script: runs only once the visitor accepts marketing cookies.
