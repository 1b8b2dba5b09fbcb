-- bench/tracking_variants_bench.py: the articles list with tracking parameters no page reads, new values every request.
math.randomseed(7)
request = function()
  return wrk.format("GET", "/articles/?utm_source=share&fbclid=" .. math.random(1, 1000000000))
end
