-- wrk script for bench/load_bench.py: every request is a GET of a path drawn at random
-- from a file of paths, one a line (`wrk -s bench/load_mix.lua URL -- paths.txt`).
-- load_bench.py writes that file with the visitor mix already weighted in, so the
-- mix is defined in one place (Python) and this script only replays it.

local paths = {}
local threads = 0

function setup(thread)
  -- Each thread gets its own seed, so the threads do not replay the same sequence.
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  math.randomseed(os.time() * 100 + seed)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
