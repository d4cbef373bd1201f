// The FMS booking page: plain JavaScript over the public API, no build step.
// Flow: search trips, open one (its seat map follows the live stream), choose seats or let FMS choose, book with an
// Idempotency-Key, follow the booking (queue position, hold countdown, pay, cancel).
"use strict";

(() => {
  const API = "/api/v1";
  const PASSENGERS_MAX = 9;
  const LONG_POLL_SECONDS = 25;
  const POLL_INTERVAL_MS = 1000;
  const FINAL = new Set(["CONFIRMED", "REJECTED", "EXPIRED", "CANCELLED"]);
  const STATE_TEXT = { available: "available", selected: "your choice", held: "held", booked: "booked" };

  const $ = (id) => document.getElementById(id);

  /** A random UUID; crypto.randomUUID exists only on https and localhost pages, getRandomValues everywhere. */
  function randomId() {
    if (crypto.randomUUID) {
      return crypto.randomUUID();
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  const page = {
    trip: null,          // the trip shown, as GET /trips/{id} answers it
    seats: new Map(),    // seat label -> AVAILABLE | HELD | BOOKED (as the stream says)
    version: -1,         // the stream's latest version
    selected: new Set(), // seats this visitor chose
    mine: new Set(),     // seats of this visitor's booking
    stream: null,        // the EventSource
    booking: null,       // the booking as last read
    idempotencyKey: null,
    countdown: null,
    following: 0,        // increases with each booking followed, so an old poll loop stops
  };

  // ---- problems: every failure is shown with the problem's title and detail --------------------------------------

  function showProblem(problem) {
    const box = $("problem");
    box.replaceChildren();
    const title = document.createElement("strong");
    title.textContent = problem.title || "Something went wrong";
    box.append(title);
    if (problem.detail) {
      const detail = document.createElement("span");
      detail.textContent = problem.detail;
      box.append(detail);
    }
    if (Array.isArray(problem.errors) && problem.errors.length > 0) {
      const list = document.createElement("ul");
      for (const error of problem.errors) {
        const item = document.createElement("li");
        item.textContent = `${error.field}: ${error.message}`;
        list.append(item);
      }
      box.append(list);
    }
    box.hidden = false;
    box.focus?.();
  }

  function clearProblem() {
    $("problem").hidden = true;
    $("problem").replaceChildren();
  }

  class Problem extends Error {
    constructor(problem, status) {
      super(problem.title || `HTTP ${status}`);
      this.problem = problem;
      this.status = status;
    }
  }

  /** fetch, then the JSON body; a non-2xx answer throws a Problem with the answer's title and detail. */
  async function call(method, path, body, headers = {}) {
    let response;
    try {
      response = await fetch(API + path, {
        method,
        headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new Problem({ title: "No answer from FMS", detail: "The network or the server is down; try again." }, 0);
    }
    const type = response.headers.get("Content-Type") || "";
    const json = type.includes("json") ? await response.json().catch(() => null) : null;
    if (!response.ok) {
      throw new Problem(json || { title: `HTTP ${response.status}`, detail: response.statusText }, response.status);
    }
    return json;
  }

  function report(error) {
    if (error instanceof Problem) {
      showProblem(error.problem);
    } else {
      showProblem({ title: "Unexpected error", detail: String(error && error.message || error) });
    }
  }

  // ---- 1. trips ---------------------------------------------------------------------------------------------------

  async function searchTrips(event) {
    event.preventDefault();
    clearProblem();
    const query = new URLSearchParams();
    for (const name of ["origin", "destination", "date"]) {
      const value = $(name).value.trim();
      if (value) {
        query.set(name, name === "date" ? value : value.toUpperCase());
      }
    }
    const list = $("trips");
    list.replaceChildren();
    try {
      const trips = await call("GET", `/trips?${query}`);
      if (trips.length === 0) {
        const none = document.createElement("li");
        none.textContent = "No trips found.";
        list.append(none);
      }
      for (const trip of trips) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.tripId = trip.id;
        button.textContent = `${trip.flightNumber} ${trip.origin} → ${trip.destination}, ` +
          `${formatTime(trip.departureTime)}, ${trip.availableSeats} of ${trip.capacity} seats free`;
        button.addEventListener("click", () => openTrip(trip.id));
        item.append(button);
        list.append(item);
      }
    } catch (e) {
      report(e);
    }
  }

  function formatTime(iso) {
    const date = new Date(iso);
    return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
  }

  // ---- 2. seats, live -------------------------------------------------------------------------------------------

  async function openTrip(tripId) {
    clearProblem();
    try {
      page.trip = await call("GET", `/trips/${encodeURIComponent(tripId)}`);
    } catch (e) {
      report(e);
      return;
    }
    page.seats = new Map();
    page.version = -1;
    page.selected.clear();
    page.mine.clear();
    const trip = page.trip;
    $("trip-summary").textContent = `${trip.flightNumber} ${trip.origin} → ${trip.destination}, ` +
      `departs ${formatTime(trip.departureTime)}`;
    drawCabin(trip.rows, trip.columns);
    $("seats").hidden = false;
    $("passengers").hidden = false;
    updateSelection();
    follow(trip.id);
    $("seats").scrollIntoView?.({ block: "start" });
  }

  function follow(tripId) {
    if (page.stream) {
      page.stream.close();
    }
    const live = $("live");
    live.textContent = "Connecting to the live seat map…";
    live.dataset.state = "connecting";
    // EventSource reconnects by itself and sends Last-Event-ID: the server answers with what was missed.
    const stream = new EventSource(`${API}/trips/${encodeURIComponent(tripId)}/seats/stream`);
    page.stream = stream;
    stream.addEventListener("snapshot", (event) => {
      const data = JSON.parse(event.data);
      page.seats = new Map(data.seats.map((s) => [s.seat, s.status]));
      page.version = data.version;
      paintAll();
      setLive(`Live: up to date (version ${data.version})`, "up");
    });
    stream.addEventListener("seats", (event) => {
      const data = JSON.parse(event.data);
      if (data.version <= page.version) {
        return;
      }
      for (const change of data.changes) {
        page.seats.set(change.seat, change.status);
        paint(change.seat);
      }
      page.version = data.version;
      setLive(`Live: up to date (version ${data.version})`, "up");
    });
    stream.addEventListener("error", () => {
      if (stream.readyState === EventSource.CLOSED) {
        setLive("Live updates stopped (the server refused the stream). Reload the page to try again.", "down");
      } else {
        setLive("Live updates interrupted; reconnecting…", "down");
      }
    });
  }

  function setLive(text, state) {
    const live = $("live");
    if (live.textContent !== text) {
      live.textContent = text;
    }
    live.dataset.state = state;
  }

  function drawCabin(rows, columns) {
    const cabin = $("cabin");
    cabin.replaceChildren();
    const letters = [...columns];
    const aisleAfter = Math.ceil(letters.length / 2) - 1;
    const template = ["2rem"];
    letters.forEach((_, i) => {
      template.push("auto");
      if (i === aisleAfter && letters.length > 1) {
        template.push("1rem");
      }
    });
    cabin.style.gridTemplateColumns = template.join(" ");
    for (let row = 1; row <= rows; row++) {
      const rowElement = document.createElement("div");
      rowElement.setAttribute("role", "row");
      rowElement.style.display = "contents";
      const label = document.createElement("span");
      label.className = "row-label";
      label.setAttribute("role", "rowheader");
      label.textContent = String(row);
      rowElement.append(label);
      letters.forEach((letter, i) => {
        const cell = document.createElement("span");
        cell.setAttribute("role", "gridcell");
        const seat = document.createElement("button");
        seat.type = "button";
        seat.className = "seat";
        seat.id = `seat-${row}${letter}`;
        seat.dataset.seat = `${row}${letter}`;
        seat.dataset.row = String(row);
        seat.dataset.col = String(i);
        seat.tabIndex = row === 1 && i === 0 ? 0 : -1;
        seat.addEventListener("click", () => toggle(seat.dataset.seat));
        seat.addEventListener("keydown", moveFocus);
        cell.append(seat);
        rowElement.append(cell);
        if (i === aisleAfter && letters.length > 1) {
          const aisle = document.createElement("span");
          aisle.className = "aisle";
          aisle.setAttribute("aria-hidden", "true");
          rowElement.append(aisle);
        }
      });
      cabin.append(rowElement);
    }
    paintAll();
  }

  function moveFocus(event) {
    const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const move = moves[event.key];
    if (!move) {
      return;
    }
    event.preventDefault();
    const row = Number(event.target.dataset.row) + move[0];
    const col = Number(event.target.dataset.col) + move[1];
    const letter = page.trip.columns[col];
    const next = letter && $(`seat-${row}${letter}`);
    if (next) {
      event.target.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  }

  function stateOf(label) {
    const status = page.seats.get(label) || "AVAILABLE";
    if (status === "BOOKED") return "booked";
    if (status === "HELD") return "held";
    if (status === "AVAILABLE") return page.selected.has(label) ? "selected" : "available";
    return status.toLowerCase();
  }

  function paint(label) {
    const seat = $(`seat-${label}`);
    if (!seat) {
      return;
    }
    let state = stateOf(label);
    if (state !== "available" && state !== "selected" && page.selected.delete(label)) {
      // Someone else took a seat this visitor had chosen: drop it from the choice, and say so.
      updateSelection(`Seat ${label} was just taken by someone else.`);
      state = stateOf(label);
    }
    const mine = page.mine.has(label);
    seat.dataset.state = state;
    seat.dataset.mine = String(mine);
    const taken = state === "booked" || state === "held";
    seat.setAttribute("aria-disabled", String(taken && !mine));
    seat.setAttribute("aria-pressed", String(state === "selected"));
    const text = mine ? `yours (${STATE_TEXT[state] || state})` : (STATE_TEXT[state] || state);
    seat.setAttribute("aria-label", `Seat ${label}, ${text}`);
    seat.title = `${label}: ${text}`;
    // A mark besides the colour, for those who cannot tell the colours apart.
    seat.textContent = mine ? "★" : state === "booked" ? "✕" : state === "held" ? "H" : state === "selected" ? "✓" : label;
  }

  function paintAll() {
    document.querySelectorAll(".seat").forEach((seat) => paint(seat.dataset.seat));
  }

  function toggle(label) {
    const state = stateOf(label);
    if (state !== "available" && state !== "selected") {
      updateSelection(`Seat ${label} is ${STATE_TEXT[state] || state}; choose another.`);
      return;
    }
    if (page.selected.has(label)) {
      page.selected.delete(label);
    } else if (page.selected.size >= PASSENGERS_MAX) {
      updateSelection(`At most ${PASSENGERS_MAX} seats per booking.`);
      return;
    } else {
      page.selected.add(label);
    }
    page.idempotencyKey = null;
    paint(label);
    updateSelection();
  }

  function updateSelection(note) {
    const chosen = [...page.selected];
    const text = chosen.length === 0
      ? "No seats chosen: FMS will choose."
      : `Chosen: ${chosen.join(", ")} (${chosen.length} passenger${chosen.length === 1 ? "" : "s"}).`;
    $("selection").textContent = note ? `${note} ${text}` : text;
    const count = $("passenger-count");
    count.disabled = chosen.length > 0;
    if (chosen.length > 0) {
      count.value = String(chosen.length);
    }
    drawNames();
  }

  function passengerCount() {
    if (page.selected.size > 0) {
      return page.selected.size;
    }
    const n = Number.parseInt($("passenger-count").value, 10);
    return Number.isFinite(n) ? Math.min(PASSENGERS_MAX, Math.max(1, n)) : 1;
  }

  function drawNames() {
    const names = $("names");
    const wanted = passengerCount();
    while (names.children.length > wanted) {
      names.lastElementChild.remove();
    }
    while (names.children.length < wanted) {
      const i = names.children.length + 1;
      const label = document.createElement("label");
      label.textContent = `Passenger ${i} name`;
      const input = document.createElement("input");
      input.id = `passenger-${i}`;
      input.className = "passenger-name";
      input.autocomplete = "name";
      input.maxLength = 200;
      input.required = true;
      input.addEventListener("input", () => { page.idempotencyKey = null; });
      label.append(input);
      names.append(label);
    }
  }

  // ---- 3. booking -----------------------------------------------------------------------------------------------

  async function submitBooking(event) {
    event.preventDefault();
    clearProblem();
    if (!page.trip) {
      return;
    }
    const names = [...document.querySelectorAll(".passenger-name")].map((input) => input.value.trim());
    const missing = names.findIndex((name) => name === "");
    if (missing >= 0) {
      showProblem({ title: "Invalid request", detail: `Passenger ${missing + 1} needs a name.` });
      document.querySelectorAll(".passenger-name")[missing].focus();
      return;
    }
    const body = { tripId: page.trip.id, passengers: names.map((name) => ({ name })) };
    if (page.selected.size > 0) {
      body.seats = [...page.selected];
    }
    const email = $("email").value.trim();
    if (email) {
      body.contactEmail = email;
    }
    if ($("hold").checked) {
      body.hold = { seconds: Number.parseInt($("hold-seconds").value, 10) };
    }
    // The same key for a retry of the same form (after a 503 or a lost answer): never a second booking.
    page.idempotencyKey ||= randomId();
    const button = $("book-button");
    button.disabled = true;
    try {
      const booking = await call("POST", "/bookings", body, { "Idempotency-Key": page.idempotencyKey });
      page.mine = new Set(body.seats || []);
      page.selected.clear();
      paintAll();
      updateSelection();
      showBooking(booking);
      followBooking(booking.bookingId);
    } catch (e) {
      report(e);
    } finally {
      button.disabled = false;
    }
  }

  function showBooking(booking) {
    page.booking = booking;
    $("booking").hidden = false;
    $("booking-status").textContent = booking.status;
    $("booking-status").dataset.status = booking.status;
    $("booking-id").textContent = booking.bookingId;
    $("booking-seats").textContent = booking.seats && booking.seats.length ? booking.seats.join(", ") : "–";
    const queue = booking.queue;
    const hasQueue = booking.status === "PENDING" && queue && typeof queue.position === "number";
    $("queue-label").hidden = !hasQueue;
    $("booking-queue").hidden = !hasQueue;
    if (hasQueue) {
      const eta = typeof queue.etaMs === "number" ? `, about ${Math.max(1, Math.round(queue.etaMs / 1000))} s` : "";
      $("booking-queue").textContent = `position ${queue.position}${eta}`;
    }
    const reason = booking.reason
      ? booking.reason + (booking.unavailableSeats && booking.unavailableSeats.length
        ? ` (${booking.unavailableSeats.join(", ")})` : "")
      : booking.lateConfirmation ? `payment came after the hold expired (${booking.lateConfirmation.paymentReference})` : "";
    $("reason-label").hidden = !reason;
    $("booking-reason").hidden = !reason;
    $("booking-reason").textContent = reason;
    if (booking.seats && booking.seats.length && (booking.status === "CONFIRMED" || booking.status === "HELD")) {
      page.mine = new Set(booking.seats);
    } else if (booking.status === "REJECTED" || booking.status === "CANCELLED" || booking.status === "EXPIRED") {
      page.mine = new Set();
    }
    paintAll();
    showHold(booking);
    $("pay-button").hidden = booking.status !== "HELD";
    $("cancel-button").hidden = !["PENDING", "HELD", "CONFIRMED", "WAITLISTED"].includes(booking.status);
    $("new-booking").hidden = !FINAL.has(booking.status);
  }

  function showHold(booking) {
    clearInterval(page.countdown);
    const held = booking.status === "HELD" && booking.holdExpiresAt;
    $("hold-label").hidden = !held;
    $("booking-hold").hidden = !held;
    if (!held) {
      return;
    }
    const expires = Date.parse(booking.holdExpiresAt);
    const tick = () => {
      const left = Math.max(0, Math.round((expires - Date.now()) / 1000));
      const minutes = Math.floor(left / 60);
      const seconds = String(left % 60).padStart(2, "0");
      $("booking-hold").textContent = left > 0
        ? `pay within ${minutes}:${seconds} (until ${formatTime(booking.holdExpiresAt)})`
        : "the hold has expired";
    };
    tick();
    page.countdown = setInterval(tick, 1000);
  }

  /**
   * Reads the booking until done(booking) says so: long-polls while it is PENDING, else reads every second (every
   * few seconds while it waits on a hold or the waitlist). A later call takes over from an earlier one.
   */
  async function followBooking(bookingId, done = (booking) => FINAL.has(booking.status)) {
    const mine = ++page.following;
    const path = `/bookings/${encodeURIComponent(bookingId)}`;
    let pending = page.booking && page.booking.status === "PENDING";
    while (mine === page.following) {
      try {
        const booking = await call("GET", pending ? `${path}?waitSeconds=${LONG_POLL_SECONDS}` : path);
        if (mine !== page.following) {
          return;
        }
        showBooking(booking);
        if (done(booking)) {
          return;
        }
        pending = booking.status === "PENDING";
        if (!pending) {
          const waiting = booking.status === "HELD" || booking.status === "WAITLISTED";
          await sleep(waiting ? POLL_INTERVAL_MS * 3 : POLL_INTERVAL_MS);
        }
      } catch (e) {
        report(e);
        await sleep(POLL_INTERVAL_MS * 3);
      }
    }
  }

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function pay() {
    clearProblem();
    const booking = page.booking;
    if (!booking) {
      return;
    }
    const reference = `demo-${randomId().slice(0, 8)}`;
    $("pay-button").disabled = true;
    try {
      await call("POST", `/bookings/${encodeURIComponent(booking.bookingId)}/confirmation`,
        { paymentReference: reference });
      $("booking-status").textContent = "HELD (payment sent)";
      followBooking(booking.bookingId, (b) => b.status !== "HELD" && b.status !== "PENDING");
    } catch (e) {
      report(e);
    } finally {
      $("pay-button").disabled = false;
    }
  }

  async function cancel() {
    clearProblem();
    const booking = page.booking;
    if (!booking) {
      return;
    }
    $("cancel-button").disabled = true;
    try {
      await call("DELETE", `/bookings/${encodeURIComponent(booking.bookingId)}`);
      $("booking-status").textContent = `${booking.status} (cancellation queued)`;
      followBooking(booking.bookingId, (b) => ["CANCELLED", "REJECTED", "EXPIRED"].includes(b.status));
    } catch (e) {
      report(e);
    } finally {
      $("cancel-button").disabled = false;
    }
  }

  function newBooking() {
    page.following++;
    page.booking = null;
    page.mine = new Set();
    page.idempotencyKey = null;
    clearInterval(page.countdown);
    $("booking").hidden = true;
    paintAll();
  }

  // ---- wiring ---------------------------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    $("search-form").addEventListener("submit", searchTrips);
    $("booking-form").addEventListener("submit", submitBooking);
    $("booking-form").addEventListener("input", () => { page.idempotencyKey = null; });
    $("passenger-count").addEventListener("input", drawNames);
    $("clear-selection").addEventListener("click", () => {
      page.selected.clear();
      page.idempotencyKey = null;
      paintAll();
      updateSelection();
    });
    $("hold").addEventListener("change", () => { $("hold-seconds").disabled = !$("hold").checked; });
    $("pay-button").addEventListener("click", pay);
    $("cancel-button").addEventListener("click", cancel);
    $("new-booking").addEventListener("click", newBooking);
    $("problem").tabIndex = -1;
    drawNames();
    const trip = new URLSearchParams(location.search).get("trip");
    if (trip) {
      openTrip(trip);
    }
  });
})();
