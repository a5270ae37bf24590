# Reference values for LeaderSurvivalTests.Cox_*: R's survival::coxph on the same rows as LeaderSurvival.Cox.
# Run once on 2026-12-01 with R 4.2.2 Patched (2022-11-10 r83330) and survival 3.5.3, Debian 12 packages
# (apt-get install -y r-base-core r-cran-survival), as:  Rscript archigos_cox.R rows.csv
# rows.csv: one row per Archigos 4.1 spell (archigos_4.1.csv fields obsid, ccode, startdate, enddate, exit, entry,
# born) plus regime_gwf, the GWF regime type in power at the spell's start as Interregnum's RegimeLookup.AtStart
# returns it ("NA" where none). Everything else (the sample, the covariates, the regime grouping and the fit) is
# computed here, independently of Interregnum's code.
# Output (2026-12-01):
#   any_exit n = 2066 events = 2008 loglik = -13414.108733 -13208.329483 LR = 411.558500
#     age 0.017474 (0.002345), decade -0.054712 (0.007411), irr_entry 0.392770 (0.079539),
#     democracy 0.908291 (0.092526), military 0.841662 (0.116489), monarchy -0.290275 (0.142780),
#     other 1.109045 (0.119799), party 0.105917 (0.103228)
#   irr_exit n = 2066 events = 328 loglik = -2144.571760 -2040.003611 LR = 209.136297
#     age 0.007657 (0.005709), decade -0.046440 (0.022745), irr_entry 0.795758 (0.141111),
#     democracy -1.003152 (0.188337), military 0.603222 (0.174813), monarchy -0.579939 (0.250159),
#     other 0.483043 (0.226920), party -0.680198 (0.196250)
args <- commandArgs(trailingOnly = TRUE)
library(survival)
d <- read.csv(args[1], stringsAsFactors = FALSE, na.strings = "NA")
prim <- function(g) ifelse(is.na(g), NA,
  ifelse(g == "democracy", "democracy", ifelse(g == "monarchy", "monarchy",
  ifelse(g %in% c("military", "indirect military"), "military", ifelse(g %in% c("party", "party-military"), "party",
  ifelse(grepl("personal", g, fixed = TRUE), "personal", "other"))))))
d$regime <- prim(d$regime_gwf)
d$start <- as.Date(d$startdate); d$end <- as.Date(d$enddate)
d$age <- as.integer(format(d$start, "%Y")) - d$born
d <- d[!is.na(d$age) & !is.na(d$regime), ]
d$years <- as.numeric(d$end - d$start) / 365.25
d$decade <- (as.integer(format(d$start, "%Y")) - 1950) / 10
d$irr_entry <- as.integer(d$entry == "Irregular")
d$regime <- relevel(factor(d$regime), ref = "personal")
d$any_exit <- as.integer(d$exit != "Still in Office")
d$irr_exit <- as.integer(d$exit == "Irregular")
for (ev in c("any_exit", "irr_exit")) {
  f <- coxph(as.formula(paste0("Surv(years, ", ev, ") ~ age + decade + irr_entry + regime")), data = d, ties = "efron")
  cat(ev, "n =", f$n, "events =", f$nevent, "loglik =", sprintf("%.6f", f$loglik), "LR =", sprintf("%.6f", 2*diff(f$loglik)), "\n")
  print(cbind(coef = sprintf("%.6f", coef(f)), se = sprintf("%.6f", sqrt(diag(vcov(f))))))
}
cat(R.version.string, "survival", as.character(packageVersion("survival")), "\n")
