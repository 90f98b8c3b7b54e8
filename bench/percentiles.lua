-- wrk done hook: prints the latency percentiles and the failures in a form bench/desk-load.sh reads.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d p50=%.2f p95=%.2f p99=%.2f errors=%d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status))
end
