-- Headless neovim (0.7+): starts the topo language server on a model, opens the file and prints
-- the diagnostics the server publishes for it as one line of JSON on stdout.
-- Environment: TOPO_NODE (node binary), TOPO_SERVER (out/server.cjs), TOPO_FILE (the .topo file),
-- TOPO_OFF (a finding code turned off in the settings: waits until a publish no longer has it,
-- since neovim 0.7 sends its settings after the first diagnostics may have gone out).
local node = os.getenv('TOPO_NODE')
local server = os.getenv('TOPO_SERVER')
local file = os.getenv('TOPO_FILE')
local off = os.getenv('TOPO_OFF') or ''

local function fail(message)
  io.stderr:write(message .. '\n')
  vim.cmd('cquit 1')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.api.nvim_buf_set_option(bufnr, 'filetype', 'topo')
local uri = vim.uri_from_bufnr(bufnr)
local published = nil

local client_id = vim.lsp.start_client({
  name = 'topo',
  cmd = { node, server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  settings = { topo = { severity = { [off ~= '' and off or 'spof'] = off ~= '' and 'off' or 'error' } } },
  -- neovim 0.7 neither announces workspace/configuration nor sends the settings by itself
  on_init = function(client)
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  end,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri == uri and result.version ~= nil then
        local has_off = false
        for _, d in ipairs(result.diagnostics) do
          if d.code == off then has_off = true end
        end
        if not has_off then published = result end
      end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
if not client_id then fail('could not start the topo language server') end
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(15000, function() return published ~= nil end, 20) then
  fail('no diagnostics were published for ' .. uri)
end
io.stdout:write(vim.fn.json_encode({ published = published, shown = vim.diagnostic.get(bufnr) }) .. '\n')
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
