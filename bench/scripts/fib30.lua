-- fib(30), recursive: Lua 5.4's side of the small-interpreter row (bench/scripts/fib30.drift).
local function fib(n)
  if n < 2 then return n else return fib(n - 1) + fib(n - 2) end
end
print(fib(30))
