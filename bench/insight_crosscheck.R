#!/usr/bin/env Rscript
# Cross-check of Loopbrug's Gower matrix and PAM against R's cluster package (issue 5).
# Usage: loopbrug insight crosscheck --n 2000 --out DIR && Rscript bench/insight_crosscheck.R DIR
# Needs Debian's r-base-core and r-cran-cluster. Prints one line per check and exits 1 on a failure.
suppressMessages(library(cluster))
dir <- commandArgs(trailingOnly = TRUE)[1]
vars <- read.csv(file.path(dir, "vars.csv"), stringsAsFactors = TRUE)
n <- nrow(vars)
d <- daisy(vars, metric = "gower")
# Loopbrug stores the lower triangle row by row: d(i, j), i > j, at (i-1)(i-2)/2 + j (1-based).
ours <- readBin(file.path(dir, "gower.bin"), what = "double", n = n * (n - 1) / 2, endian = "little")
i <- unlist(lapply(1:(n - 1), function(j) (j + 1):n))
j <- unlist(lapply(1:(n - 1), function(j) rep(j, n - j)))
diff <- max(abs(as.vector(d) - ours[(i - 1) * (i - 2) / 2 + j]))
cat(sprintf("gower: n = %d, max |R - Loopbrug| = %.3g (%s)\n", n, diff, if (diff < 1e-9) "ok" else "FAIL"))
failed <- diff >= 1e-9
pams <- read.csv(file.path(dir, "pam.csv"))
for (row in seq_len(nrow(pams))) {
  k <- pams$k[row]
  r <- pam(d, k, diss = TRUE)
  rObj <- unname(r$objective["swap"])
  cat(sprintf("pam k = %d: R %.12f, Loopbrug %.12f (%s)\n", k, rObj, pams$objective[row],
              if (pams$objective[row] <= rObj + 1e-12) "ok: no worse" else "FAIL: worse than R"))
  failed <- failed || pams$objective[row] > rObj + 1e-12
}
quit(status = if (failed) 1 else 0)
