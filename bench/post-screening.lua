-- wrk script: POST the source article's request to /api/v1/screenings
local f = assert(io.open(os.getenv("BODY_FILE") or "examples/article-desk-worker.json", "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("AUTH")

local non201 = 0
response = function(status, headers, body)
  if status ~= 201 then non201 = non201 + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-201 responses: %d\n", non201))
end
