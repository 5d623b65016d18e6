// A stand-in for an analytics script: it sets a first-party cookie as soon as it runs.
document.cookie = "stats_visit=1; path=/; max-age=1800; SameSite=Lax";
window.statsRan = (window.statsRan || 0) + 1;
