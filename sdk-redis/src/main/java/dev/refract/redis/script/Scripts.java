package dev.refract.redis.script;

/**
 * The Lua scripts that change a record together with its unique index keys, each in one atomic
 * step on the server. They share a prelude that reads the unique keys' description from the
 * arguments and builds index keys exactly as {@link dev.refract.redis.key.KeyLayout} does.
 *
 * <p>Every script gets the record's key as {@code KEYS[1]}; the index keys it touches are built
 * from the model's prefix and share the record's hash slot (the layout's hash tag), so the scripts
 * run on a Redis Cluster too. A script checks everything before it changes anything, so a refused
 * write leaves no trace. Replies are arrays whose first element says what happened.
 */
public final class Scripts {

    private Scripts() {
    }

    /**
     * Escaping, decimal index text, the unique keys' description, the liveness of an index's record, and
     * setting a key's expiry as the kinds of {@link dev.refract.redis.write.Expiry} say.
     */
    private static final String PRELUDE = """
            local function esc(s)
              return (string.gsub(s, '[%%:=,{}%*%?%[%]\\\\]', function(c)
                return string.format('%%%02X', string.byte(c)) end))
            end
            local function canon(kind, s)
              if kind == 'd' then
                if string.find(s, '%.') then
                  s = string.gsub(s, '0+$', '')
                  s = string.gsub(s, '%.$', '')
                end
                if s == '-0' or s == '' or s == '-' then s = '0' end
              end
              return s
            end
            local function read_uniques(at)
              local count = tonumber(ARGV[at]); at = at + 1
              local list = {}
              for i = 1, count do
                local u = { name = ARGV[at], fields = {}, kinds = {} }
                local n = tonumber(ARGV[at + 1]); at = at + 2
                for j = 1, n do
                  local spec = ARGV[at]; at = at + 1
                  u.kinds[j] = string.sub(spec, 1, 1)
                  u.fields[j] = string.sub(spec, 3)
                end
                list[i] = u
              end
              return list, at
            end
            local function index_key(prefix, u, values)
              local parts = {}
              for j, field in ipairs(u.fields) do
                local v = values[field]
                if not v then return false end
                parts[j] = esc(canon(u.kinds[j], v))
              end
              return prefix .. u.name .. '=' .. table.concat(parts, ':')
            end
            local function taken(prefix, key, id)
              local owner = redis.call('GET', key)
              return owner and owner ~= id and redis.call('EXISTS', prefix .. owner) == 1
            end
            local function expire(key, kind, ms)
              if kind == 'after' then redis.call('PEXPIRE', key, ms)
              elseif kind == 'at' then redis.call('PEXPIREAT', key, ms)
              elseif kind == 'never' then redis.call('PERSIST', key) end
            end
            local function unique_values(key, uniques)
              local values = {}
              for _, u in ipairs(uniques) do
                for _, field in ipairs(u.fields) do
                  if values[field] == nil then values[field] = redis.call('HGET', key, field) end
                end
              end
              return values
            end
            """;

    /**
     * Creates a record unless its id or a unique key is taken by a live record. ARGV: model prefix,
     * id text, the expiry's kind and milliseconds (its index keys expire with it, also at an instant
     * already past, which removes both at once), {@code fail} or {@code skip}, the unique keys, the
     * number of hash fields, then field and value pairs. Replies {@code OK}, {@code SKIPPED}, or
     * {@code UNIQUE} and the key's name ({@code ""} for the id).
     */
    public static final Script CREATE = new Script("create", PRELUDE + """
            local prefix, id, expiry, ms, mode = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
            local uniques, at = read_uniques(6)
            local count = tonumber(ARGV[at]); at = at + 1
            local values, pairs_ = {}, {}
            for i = 0, count - 1 do
              local field, value = ARGV[at + 2 * i], ARGV[at + 2 * i + 1]
              values[field] = value
              pairs_[#pairs_ + 1] = field
              pairs_[#pairs_ + 1] = value
            end
            if redis.call('EXISTS', KEYS[1]) == 1 then
              if mode == 'skip' then return {'SKIPPED'} end
              return {'UNIQUE', ''}
            end
            local index_keys = {}
            for i, u in ipairs(uniques) do
              local key = index_key(prefix, u, values)
              if key and taken(prefix, key, id) then
                if mode == 'skip' then return {'SKIPPED'} end
                return {'UNIQUE', u.name}
              end
              index_keys[i] = key
            end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(pairs_))
            for i = 1, #uniques do
              local key = index_keys[i]
              if key then
                redis.call('SET', key, id)
                expire(key, expiry, ms)
              end
            end
            expire(KEYS[1], expiry, ms)
            return {'OK'}
            """);

    /**
     * Updates a record. ARGV: model prefix, id text, the new id text ({@code ""}: unchanged), the
     * expiry's kind and milliseconds ({@code keep}: the record keeps its remaining time), the unique keys, the number of changes, then triplets: {@code E} field text (the field must hold
     * that text, else {@code CONFLICT}), {@code A} field (must hold nothing), {@code S} field text
     * (set), {@code N} field (clear), {@code I} field delta ({@code HINCRBY}), {@code K} field delta
     * ({@code HINCRBY} of a 32-bit {@code Int}, refused with {@code RANGE} and the field when the sum
     * leaves its range), {@code F} field delta ({@code HINCRBYFLOAT}); an increment of a field holding
     * nothing leaves it empty, as SQL does.
     * Index keys move with the values and expire with the record. Replies {@code OK} and the record's
     * hash as written (also when an expiry already past removed it), {@code MISSING}, {@code CONFLICT}, {@code RANGE} and the
     * field, or {@code UNIQUE} and the key's name ({@code ""} for the id).
     */
    public static final Script UPDATE = new Script("update", PRELUDE + """
            local prefix, id, new_id, expiry, ms = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
            local uniques, at = read_uniques(6)
            local count = tonumber(ARGV[at]); at = at + 1
            if redis.call('EXISTS', KEYS[1]) == 0 then return {'MISSING'} end
            local ops = {}
            for i = 0, count - 1 do
              ops[i + 1] = { ARGV[at + 3 * i], ARGV[at + 3 * i + 1], ARGV[at + 3 * i + 2] }
            end
            for _, op in ipairs(ops) do
              if op[1] == 'E' and redis.call('HGET', KEYS[1], op[2]) ~= op[3] then return {'CONFLICT'} end
              if op[1] == 'A' and redis.call('HEXISTS', KEYS[1], op[2]) == 1 then return {'CONFLICT'} end
              if op[1] == 'K' then
                local held = redis.call('HGET', KEYS[1], op[2])
                if held then
                  local sum = tonumber(held) + tonumber(op[3])
                  if sum > 2147483647 or sum < -2147483648 then return {'RANGE', op[2]} end
                end
              end
            end
            local old = unique_values(KEYS[1], uniques)
            local new = {}
            for field, value in pairs(old) do new[field] = value end
            for _, op in ipairs(ops) do
              if op[1] == 'S' and new[op[2]] ~= nil then new[op[2]] = op[3] end
              if op[1] == 'N' and new[op[2]] ~= nil then new[op[2]] = false end
            end
            local target_id = id
            if new_id ~= '' and new_id ~= id then
              target_id = new_id
              if redis.call('EXISTS', prefix .. new_id) == 1 then return {'UNIQUE', ''} end
            end
            for _, u in ipairs(uniques) do
              local key = index_key(prefix, u, new)
              if key and taken(prefix, key, id) then return {'UNIQUE', u.name} end
            end
            for _, op in ipairs(ops) do
              if (op[1] == 'I' or op[1] == 'K' or op[1] == 'F') and redis.call('HEXISTS', KEYS[1], op[2]) == 1 then
                redis.call(op[1] == 'F' and 'HINCRBYFLOAT' or 'HINCRBY', KEYS[1], op[2], op[3])
              end
            end
            for _, op in ipairs(ops) do
              if op[1] == 'S' then redis.call('HSET', KEYS[1], op[2], op[3]) end
              if op[1] == 'N' then redis.call('HDEL', KEYS[1], op[2]) end
            end
            local record_key = KEYS[1]
            if target_id ~= id then
              record_key = prefix .. target_id
              redis.call('RENAME', KEYS[1], record_key)
            end
            local hash = redis.call('HGETALL', record_key)
            if expiry == 'keep' then
              local left = redis.call('PTTL', record_key)
              if left > 0 then expiry, ms = 'after', left else expiry = 'never' end
            end
            for _, u in ipairs(uniques) do
              local old_key = index_key(prefix, u, old)
              local new_key = index_key(prefix, u, new)
              if old_key and old_key ~= new_key and redis.call('GET', old_key) == id then
                redis.call('DEL', old_key)
              end
              if new_key then
                redis.call('SET', new_key, target_id)
                expire(new_key, expiry, ms)
              end
            end
            expire(record_key, expiry, ms)
            return {'OK', hash}
            """);

    /**
     * Deletes a record and the index keys pointing at it. ARGV: model prefix, id text, the unique
     * keys, the number of expectations, then triplets as the update's: {@code E} field text (must
     * hold that text) or {@code A} field (must hold nothing). Replies {@code OK} and the deleted
     * hash, {@code MISSING}, or {@code CONFLICT} when an expectation fails.
     */
    public static final Script DELETE = new Script("delete", PRELUDE + """
            local prefix, id = ARGV[1], ARGV[2]
            local uniques, at = read_uniques(3)
            local count = tonumber(ARGV[at]); at = at + 1
            local hash = redis.call('HGETALL', KEYS[1])
            if #hash == 0 then return {'MISSING'} end
            local values = {}
            for i = 1, #hash, 2 do values[hash[i]] = hash[i + 1] end
            for i = 0, count - 1 do
              local kind, field, text = ARGV[at + 3 * i], ARGV[at + 3 * i + 1], ARGV[at + 3 * i + 2]
              if kind == 'E' and values[field] ~= text then return {'CONFLICT'} end
              if kind == 'A' and values[field] ~= nil then return {'CONFLICT'} end
            end
            for _, u in ipairs(uniques) do
              local key = index_key(prefix, u, values)
              if key and redis.call('GET', key) == id then redis.call('DEL', key) end
            end
            redis.call('DEL', KEYS[1])
            return {'OK', hash}
            """);
}
