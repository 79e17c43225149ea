// The local web chat: a WhatsApp-like page that talks to the same bot through
// the web-chat adapter. Text only ever goes into the page as text nodes.
const list = document.getElementById('messages');
const form = document.getElementById('composer');
const input = document.getElementById('text');
const photo = document.getElementById('photo');
const language = document.getElementById('language');
const status = document.getElementById('status');

const clientId = localStorage.getItem('spreekuur.clientId') ?? crypto.randomUUID();
localStorage.setItem('spreekuur.clientId', clientId);
const shown = new Set();

function render(message) {
  if (shown.has(message.id)) return;
  shown.add(message.id);
  const item = document.createElement('li');
  item.className = `msg ${message.direction}`;
  item.dir = 'auto';
  item.dataset.testid = message.direction === 'out' ? 'bot-message' : 'my-message';
  for (const media of message.media) {
    if (media.contentType.startsWith('image/')) {
      const image = document.createElement('img');
      image.src = `${media.url}?clientId=${encodeURIComponent(clientId)}`;
      image.alt = '';
      item.append(image);
    } else {
      const link = document.createElement('a');
      link.href = `${media.url}?clientId=${encodeURIComponent(clientId)}`;
      link.textContent = '📄 PDF';
      item.append(link);
    }
  }
  if (message.body) item.append(document.createTextNode(message.body));
  if (message.buttons.length > 0) {
    const row = document.createElement('div');
    row.className = 'buttons';
    for (const button of message.buttons) {
      const tap = document.createElement('button');
      tap.type = 'button';
      tap.textContent = `${button.value}. ${button.title}`;
      tap.addEventListener('click', () => send(button.value));
      row.append(tap);
    }
    item.append(row);
  }
  list.append(item);
  list.scrollTop = list.scrollHeight;
}

async function post(path, body, headers = { 'content-type': 'application/json' }) {
  const response = await fetch(path, { method: 'POST', headers, body });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ message: response.statusText }));
    status.textContent = problem.message;
    throw new Error(problem.message);
  }
  status.textContent = 'online';
}

async function send(text) {
  const clientMessageId = crypto.randomUUID();
  render({ id: `local-${clientMessageId}`, direction: 'in', body: text, media: [], buttons: [] });
  await post('/webchat/api/messages', JSON.stringify({ clientId, clientMessageId, text }));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  void send(text);
});

photo.addEventListener('change', () => {
  const file = photo.files?.[0];
  if (!file) return;
  const clientMessageId = crypto.randomUUID();
  const query = new URLSearchParams({ clientId, clientMessageId });
  void post(`/webchat/api/media?${query}`, file, { 'content-type': file.type || 'application/octet-stream' });
  photo.value = '';
});

language.addEventListener('change', () => {
  if (!language.value) return;
  document.documentElement.lang = language.value;
  void post('/webchat/api/language', JSON.stringify({ clientId, locale: language.value }));
});

async function start() {
  const response = await fetch(`/webchat/api/history?clientId=${encodeURIComponent(clientId)}`);
  const { messages } = await response.json();
  messages.forEach(render);
  const events = new EventSource(`/webchat/api/events?clientId=${encodeURIComponent(clientId)}`);
  events.addEventListener('message', (event) => render(JSON.parse(event.data)));
  events.addEventListener('error', () => { status.textContent = '…'; });
  events.addEventListener('open', () => { status.textContent = 'online'; document.body.dataset.ready = 'true'; });
}

void start();
