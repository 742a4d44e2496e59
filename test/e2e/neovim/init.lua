-- Neovim (Debian's 0.7) as an independent LSP client for Palisade. Driven by test/e2e/neovim.test.ts
-- through environment variables; writes what it saw as JSON to $PALISADE_NVIM_OUT and quits.
local env = function(name) local value = os.getenv(name) assert(value, name .. ' is not set') return value end
local out, bin, root, file = env('PALISADE_NVIM_OUT'), env('PALISADE_BIN'), env('PALISADE_NVIM_ROOT'), env('PALISADE_NVIM_FILE')
-- The finding to fix is the one on this (0-based) line; its rule id is whatever the pack calls it.
local target_line = tonumber(env('PALISADE_NVIM_LINE'))
local rule
local result = { diagnostics = {}, actions = {} }

local function finish(message)
  result.message = message
  local handle = assert(io.open(out, 'w'))
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qall!')
end

local function lsp_code(d)
  local lsp = d.user_data and d.user_data.lsp or {}
  return lsp.code, lsp
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'terraform'
  local client_id = vim.lsp.start_client({ name = 'palisade', cmd = { 'node', bin, 'lsp' }, root_dir = root, settings = { palisade = {} } })
  if not client_id then return finish('the language server did not start') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local target
  local seen = vim.wait(60000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.lnum == target_line and d.end_lnum == target_line then target = d rule = lsp_code(d) return true end
    end
    return false
  end, 100)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { code = lsp_code(d), line = d.lnum, col = d.col, end_line = d.end_lnum, end_col = d.end_col, message = d.message })
  end
  if not seen then return finish('no diagnostic arrived on line ' .. target_line) end
  result.rule = rule

  local _, lsp_diagnostic = lsp_code(target)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 30000) or {}
  local preferred
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, { title = action.title, kind = action.kind, preferred = action.isPreferred or false })
      if action.isPreferred then preferred = action end
    end
  end
  if not preferred then return finish('no preferred quick fix for ' .. rule) end
  local client = vim.lsp.get_client_by_id(client_id)
  if not preferred.edit and preferred.data then
    local resolved = client.request_sync('codeAction/resolve', preferred, 30000, bufnr)
    preferred = resolved and resolved.result or preferred
  end
  if not preferred.edit then return finish('the preferred quick fix has no edit') end
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
  result.buffer = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)

  result.fixed = vim.wait(60000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if lsp_code(d) == rule then return false end
    end
    return true
  end, 100)
  finish(result.fixed and 'ok' or (rule .. ' is still reported after the fix'))
end

local ok, err = pcall(run)
if not ok then finish('error: ' .. tostring(err)) end
