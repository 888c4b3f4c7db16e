-- wrk script: each connection walks through the paths of a file (one per line), starting at a random place,
-- so the server sees many different questions, as it does from real visitors. Browsers ask for compression.
local paths = {}
local next_index = 1

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  next_index = math.random(#paths)
  wrk.headers["Accept-Encoding"] = "br, gzip"
  wrk.headers["Accept"] = "text/html,application/json"
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
