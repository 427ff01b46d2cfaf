#!/usr/bin/env Rscript
# The R peer of `loopbrug bench insight` (issue 5), on the files the bench writes to DIR.
#   Rscript bench/insight_peers.R pam DIR K    daisy(metric = "gower") + pam(k = K) on vars.csv
#   Rscript bench/insight_peers.R clara DIR K  clara(k = K) with its defaults on encoded.f64
# clara has no Gower metric; encoded.f64 holds the same people as numbers whose Manhattan
# distance divided by the number of variables IS the Gower distance (continuous ÷ range,
# categories one-hot × 0.5), so clara(metric = "manhattan") clusters on Gower exactly.
# Prints one JSON line: seconds, total (sum of Gower distances to the nearest medoid), versions.
suppressMessages(library(cluster))
args <- commandArgs(trailingOnly = TRUE)
mode <- args[1]; dir <- args[2]; k <- as.integer(args[3])
versions <- sprintf("R %s, cluster %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("cluster"))
if (mode == "pam") {
  vars <- read.csv(file.path(dir, "vars.csv"), stringsAsFactors = TRUE)
  t <- system.time({ d <- daisy(vars, metric = "gower"); r <- pam(d, k, diss = TRUE) })[["elapsed"]]
  total <- unname(r$objective["swap"]) * nrow(vars)
} else {
  dims <- scan(file.path(dir, "encoded.dims"), quiet = TRUE)
  x <- matrix(readBin(file.path(dir, "encoded.f64"), "double", n = dims[1] * dims[2], endian = "little"), nrow = dims[1])
  t <- system.time(r <- clara(x, k, metric = "manhattan"))[["elapsed"]]
  med <- x[r$i.med, , drop = FALSE]
  total <- sum(rowSums(abs(x - med[r$clustering, , drop = FALSE]))) / dims[3]
}
cat(sprintf('{"seconds": %.3f, "total": %.10f, "versions": "%s"}\n', t, total, versions))
