-- A 30M-iteration while loop adding floats inside a function: Lua 5.4's side of the row
-- (bench/scripts/loop30m.drift).
local function loop()
  local i = 0
  local total = 0.0
  while i < 30000000 do
    total = total + i * 0.5
    i = i + 1
  end
  return total
end
print(loop())
