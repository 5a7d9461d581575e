/* The live "nu open" line: the same rules and texts as wegwijzer/hours.py, which also writes
 * the data this script reads. Change the two together; tests/browser/test_hours_browser.py
 * compares them on the same instants.
 *
 * Dates are Dutch wall-clock calendar dates held in Date objects at UTC midnight, so adding
 * a day never meets a daylight-saving switch. Text goes in with textContent only. */
(function () {
  "use strict";

  const DAY_MS = 24 * 60 * 60 * 1000;
  const SCAN_DAYS = 60;
  const WEEKDAY_HORIZON = 6;
  // Every text goes through wwT() (teksten.js), one whole sentence per call; dates and day
  // names come from Intl in the page's language, which writes "dinsdag 6 januari" for Dutch.
  // Digits stay 0-9 in every language; English is en-GB ("20 June", as Babel on the page).
  const LANGUAGE = (window.wwTaal === "en" ? "en-GB" : window.wwTaal) + "-u-nu-latn";
  function formatter(options) {
    return new Intl.DateTimeFormat(LANGUAGE, Object.assign({ timeZone: "UTC" }, options));
  }
  const WEEKDAY = formatter({ weekday: "long" });
  const DAY_MONTH = formatter({ day: "numeric", month: "long" });
  const FULL_DATE = formatter({ day: "numeric", month: "long", year: "numeric" });
  const MONTH_YEAR = formatter({ month: "long", year: "numeric" });
  const WEEKDAY_DATE = formatter({ weekday: "long", day: "numeric", month: "long" });
  const MINUTES_FROM_NOW = new Intl.RelativeTimeFormat(LANGUAGE, { numeric: "always" });
  const CLOSED_NOW = wwT("Nu gesloten.");
  // No hours known: say nothing, so the page's own text stays ("Tijden onbekend" with the
  // number to call, or "Gesloten tot nader bericht"); never "Alleen op afspraak" (hours.py).
  const NO_HOURS = "";
  const WALL_CLOCK = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    weekday: "short",
  });

  function pad(number) {
    return String(number).padStart(2, "0");
  }

  /* The Dutch calendar date (at UTC midnight) and "HH:MM" for an instant. */
  function wallClock(instant) {
    const parts = {};
    WALL_CLOCK.formatToParts(instant).forEach(function (part) {
      parts[part.type] = part.value;
    });
    const day = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
    // Some engines wrote midnight as "24" before hourCycle existed; never trust it blindly.
    return { day: day, now: pad(Number(parts.hour) % 24) + ":" + parts.minute };
  }

  function addDays(day, days) {
    return new Date(day.getTime() + days * DAY_MS);
  }

  function isoDate(day) {
    return day.toISOString().slice(0, 10);
  }

  function isoWeekday(day) {
    return day.getUTCDay() || 7;
  }

  /* Week n is the n-th such weekday of the month; -1 is the last one. */
  /* The ISO 8601 week number of a UTC date: the week with the year's first Thursday is 1. */
  function isoWeek(day) {
    const thursday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
    thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
    const firstOfYear = Date.UTC(thursday.getUTCFullYear(), 0, 1);
    return 1 + Math.floor((thursday.getTime() - firstOfYear) / (7 * 24 * 3600 * 1000));
  }

  function inWeeks(day, weeks) {
    if (weeks === "even" || weeks === "oneven") {  // ISO week parity, as hours.py
      return isoWeek(day) % 2 === (weeks === "even" ? 0 : 1);
    }
    if (!weeks || weeks.length === 0) {
      return true;
    }
    const date = day.getUTCDate();
    const daysInMonth = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
    return weeks.indexOf(Math.floor((date - 1) / 7) + 1) !== -1 ||
      (weeks.indexOf(-1) !== -1 && date + 7 > daysInMonth);
  }

  const ASK_FOR_TIMES = wwT("Bel voor de tijden.");
  const CLOSING_SOON = 30;
  const PARTS = { ochtend: wwT("'s ochtends"), middag: wwT("'s middags"), avond: wwT("'s avonds") };
  const PART_ORDER = { ochtend: "09:00", middag: "13:00", avond: "19:00" };

  function sortTime(hour) {
    return hour.van || PART_ORDER[hour.dagdeel] || "24:00";
  }

  /* Whether the location exists on that date: its own geldig_vanaf to geldig_tot. */
  function locationOpenOn(data, iso) {
    return (!data.geldig_vanaf || data.geldig_vanaf <= iso) && (!data.geldig_tot || iso <= data.geldig_tot);
  }

  /* Everything the line needs to know about one date. */
  function plan(data, day) {
    return makePlan(data, day, isoDate(day));
  }

  function makePlan(data, day, iso) {
    const exists = locationOpenOn(data, iso);
    const weekday = isoWeekday(day);
    // The weekly hours that apply on this date, ignoring closures.
    const regular = !exists ? [] : data.spreekuren.filter(function (hour) {
      return hour.dagen.indexOf(weekday) !== -1 && inWeeks(day, hour.weken) && appliesOn(hour, iso);
    });
    const closed = exists ? findClosed(data, day, iso) : null;
    // Clock times open on this date: weekly hours unless closed, and meetings, which are
    // planned for that very day and so count even then.
    const slots = closed ? [] : regular
      .filter(function (hour) { return hour.van && hour.tot; })
      .map(function (hour) { return [hour.van, hour.tot]; });
    if (exists) {
      (data.bijeenkomsten || []).forEach(function (meeting) {
        if (meeting.datum === iso) {
          slots.push([meeting.van, meeting.tot]);
        }
      });
    }
    slots.sort(function (a, b) { return compare(a[0], b[0]) || compare(a[1], b[1]); });
    // Hours without clock times: the line cannot say open or closed.
    const untimed = closed ? [] : regular
      .filter(function (hour) { return !(hour.van && hour.tot); })
      .sort(function (a, b) { return compare(sortTime(a), sortTime(b)); });
    return { regular: regular, closed: closed, slots: slots, untimed: untimed };
  }

  /* Whether the hour is in force on that date: geldig_vanaf to geldig_tot, both optional,
   * and within its periode of every year ("09-01" to "06-30"; it may cross the new year). */
  function appliesOn(hour, iso) {
    return (!hour.geldig_vanaf || hour.geldig_vanaf <= iso) && (!hour.geldig_tot || iso <= hour.geldig_tot) &&
      inPeriod(hour.periode, iso.slice(5));
  }

  function inPeriod(period, monthDay) {
    if (!period) {
      return true;
    }
    if (period.van <= period.tot) {
      return period.van <= monthDay && monthDay <= period.tot;
    }
    return monthDay >= period.van || monthDay <= period.tot;
  }

  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function utcDate(year, month, day) {
    return new Date(Date.UTC(year, month - 1, day));
  }

  /* The day and month ("12-24") in that year; 29 February becomes 1 March in other years. */
  function inYear(monthDay, year) {
    const month = Number(monthDay.slice(0, 2));
    const day = Number(monthDay.slice(3, 5));
    const found = utcDate(year, month, day);
    return found.getUTCMonth() === month - 1 ? found : utcDate(year, 3, 1);
  }

  /* The concrete closed period {van, tot, reden, holiday} that contains the day, or null. */
  function findClosed(data, day, iso) {
    for (const closure of data.gesloten) {
      const found = closure.jaarlijks ? yearlyPeriod(closure, day) :
        (closure.van <= iso && iso <= closure.tot ? closure : null);
      if (found) {
        return { van: found.van, tot: found.tot, reden: closure.reden || "", holiday: false, maand: closure.tot_maand || null };
      }
    }
    if (data.feestdagen === false) {  // a phone line that answers on public holidays too
      return null;
    }
    const holidays = holidaysOf(day.getUTCFullYear(), data.feestdagen || {});
    if (Object.prototype.hasOwnProperty.call(holidays, iso)) {
      return { van: iso, tot: iso, reden: holidays[iso], holiday: true };
    }
    return null;
  }

  function yearlyPeriod(closure, day) {
    const iso = isoDate(day);
    const year = day.getUTCFullYear();
    for (const first of [year - 1, year]) {
      const start = isoDate(inYear(closure.van, first));
      const end = isoDate(inYear(closure.tot, closure.tot >= closure.van ? first : first + 1));
      if (start <= iso && iso <= end) {
        return { van: start, tot: end };
      }
    }
    return null;
  }

  /* Dutch public holidays of a year, from the same rule as hours.dutch_holidays, so a page
   * knows them for any year without a rebuild. Cached per year and policy. */
  const holidayCache = {};

  function holidaysOf(year, policy) {
    const key = year + "|" + policy.bevrijdingsdag + "|" + policy.goede_vrijdag;
    if (!holidayCache[key]) {
      holidayCache[key] = computeHolidays(year, policy);
    }
    return holidayCache[key];
  }

  function computeHolidays(year, policy) {
    const easter = easterSunday(year);
    const kingsDay = new Date(Date.UTC(year, 3, 27));
    const days = [
      [new Date(Date.UTC(year, 0, 1)), wwT("Nieuwjaarsdag")],
      [easter, wwT("Eerste paasdag")],
      [addDays(easter, 1), wwT("Tweede paasdag")],
      // King's Day moves to Saturday when 27 April is a Sunday.
      [isoWeekday(kingsDay) === 7 ? addDays(kingsDay, -1) : kingsDay, wwT("Koningsdag")],
      [addDays(easter, 39), wwT("Hemelvaartsdag")],
      [addDays(easter, 49), wwT("Eerste pinksterdag")],
      [addDays(easter, 50), wwT("Tweede pinksterdag")],
      [new Date(Date.UTC(year, 11, 25)), wwT("Eerste kerstdag")],
      [new Date(Date.UTC(year, 11, 26)), wwT("Tweede kerstdag")],
    ];
    if (policy.goede_vrijdag === "dicht") {
      days.push([addDays(easter, -2), wwT("Goede vrijdag")]);
    }
    const liberation = policy.bevrijdingsdag || "elke vijf jaar";
    if (liberation === "elk jaar" || (liberation === "elke vijf jaar" && year % 5 === 0)) {
      days.push([new Date(Date.UTC(year, 4, 5)), wwT("Bevrijdingsdag")]);
    }
    const holidays = {};
    days.forEach(function (entry) {
      holidays[isoDate(entry[0])] = entry[1];
    });
    return holidays;
  }

  /* Gregorian Easter (the anonymous Meeus/Jones/Butcher computus), as in hours.py. */
  function easterSunday(year) {
    const a = year % 19;
    const b = Math.floor(year / 100);
    const c = year % 100;
    const d = Math.floor(b / 4);
    const e = b % 4;
    const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3);
    const h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4);
    const k = c % 4;
    const shift = (32 + 2 * e + 2 * i - h - k) % 7;
    const m = Math.floor((a + 11 * h + 22 * shift) / 451);
    const n = h + shift - 7 * m + 114;
    return new Date(Date.UTC(year, Math.floor(n / 31) - 1, (n % 31) + 1));
  }

  /* The closing time if open now; back-to-back or overlapping hours count as one. */
  function openUntil(today, now) {
    let until = null;
    for (const slot of today.slots) {
      if (slot[0] <= (until || now) && (until || now) < slot[1]) {
        until = slot[1];
      }
    }
    return until;
  }

  function openText(until, now) {
    const left = toMinutes(until) - toMinutes(now);
    const open = wwT("Nu open, tot {tijd}.", { tijd: until });
    if (left <= CLOSING_SOON) {
      // "over 1 minuut", "over 30 minuten": Intl knows each language's plural forms.
      return open + " " + wwT("Sluit {over_minuten}.", { over_minuten: MINUTES_FROM_NOW.format(left, "minute") });
    }
    return open;
  }

  function fromIso(iso) {
    return utcDate(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  }

  /* "2 februari 2027", as hours.dutch_date writes it. */
  function dutchDate(iso) {
    return FULL_DATE.format(fromIso(iso));
  }

  /* "Gesloten tot en met 31 juli" or "... 31 maart 2027", with the year when it is not this
   * year; a reason that may already end in a full stop, never printed twice. */
  function closedUntilText(last, today, reason) {
    if (last === "9999-12-31") {
      return reason ? wwT("Gesloten tot nader bericht: {reden}.", { reden: reason }) : wwT("Gesloten tot nader bericht.");
    }
    const day = fromIso(last);
    const date = (day.getUTCFullYear() === today.getUTCFullYear() ? DAY_MONTH : FULL_DATE).format(day);
    return reason ?
      wwT("Gesloten tot en met {datum}: {reden}.", { datum: date, reden: reason }) :
      wwT("Gesloten tot en met {datum}.", { datum: date });
  }

  function closedText(data, day, today) {
    if (data.geldig_vanaf && isoDate(day) < data.geldig_vanaf) {
      return wwT("Open vanaf {datum}.", { datum: dutchDate(data.geldig_vanaf) });
    }
    const closed = today.closed;
    if (closed === null) {
      return CLOSED_NOW;
    }
    const reason = closed.reden ? closed.reden.replace(/\.+$/, "") : "";
    if (closed.maand) {  // "Gesloten tot maart 2027.": the day it opens again is not known
      const month = MONTH_YEAR.format(fromIso(closed.maand));
      return reason ? wwT("Gesloten tot {maand}: {reden}.", { maand: month, reden: reason }) :
        wwT("Gesloten tot {maand}.", { maand: month });
    }
    if (closed.van !== closed.tot) {
      return closedUntilText(closed.tot, day, reason);
    }
    if (today.regular.length === 0) {
      return CLOSED_NOW;
    }
    return reason ? wwT("Vandaag gesloten: {reden}.", { reden: reason }) : wwT("Vandaag gesloten.");
  }

  /* " Opent morgen om 09:30.", or "" when nothing opens within SCAN_DAYS. */
  function nextOpeningText(data, today, now, todayPlan) {
    for (let offset = 0; offset <= SCAN_DAYS; offset++) {
      const day = addDays(today, offset);
      const found = offset === 0 ? todayPlan : plan(data, day);
      if (found.slots.length === 0 && found.untimed.length === 0) {
        continue;
      }
      const starts = found.slots
        .map(function (slot) { return realStart(day, slot[0], slot[1]); })
        .filter(function (start) { return start !== null && (offset > 0 || start > now); })
        .sort(compare);
      if (starts.length > 0) {
        return " " + opensAt(day, offset, starts[0]);
      }
      if (offset > 0 && found.untimed.length > 0) {
        return " " + opensIn(day, offset, found.untimed[0].dagdeel) + " " + ASK_FOR_TIMES;
      }
    }
    return "";
  }

  /* Past the last school year the site knows, say the closure instead of guessing dates. */
  function vacationNote(data, today) {
    if (!Object.prototype.hasOwnProperty.call(data, "schoolvakanties_tot")) {
      return "";
    }
    const known = data.schoolvakanties_tot;
    return known && isoDate(today) <= known ? "" : " " + wwT("Let op: in de schoolvakanties is deze plek dicht.");
  }

  /* The first minute of the hour that exists on the clock that day, or null. On the
   * spring-forward night 02:00-02:59 does not exist: 02:30-04:00 starts at 03:00 and
   * 02:00-03:00 does not happen at all. */
  function realStart(day, start, end) {
    // Dutch clocks only jump forward on a Sunday in March; skip the costly check otherwise.
    if (day.getUTCMonth() !== 2 || isoWeekday(day) !== 7) {
      return start;
    }
    for (let minutes = toMinutes(start); minutes < toMinutes(end); minutes++) {
      const clock = pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
      if (exists(day, clock)) {
        return clock;
      }
    }
    return null;
  }

  function toMinutes(clock) {
    return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
  }

  /* Whether this wall-clock time happens on this date: the Dutch offset is one or two hours. */
  function exists(day, clock) {
    const wall = day.getTime() + toMinutes(clock) * 60 * 1000;
    return [1, 2].some(function (hours) {
      const found = wallClock(new Date(wall - hours * 60 * 60 * 1000));
      return isoDate(found.day) === isoDate(day) && found.now === clock;
    });
  }

  /* "Opent vandaag om 09:30.", "Opent morgen ...", "Opent dinsdag ..." or "Opent op dinsdag
   * 6 januari om 09:30.": one whole sentence per case, for the translations. */
  function opensAt(day, offset, time) {
    if (offset === 0) {
      return wwT("Opent vandaag om {tijd}.", { tijd: time });
    }
    if (offset === 1) {
      return wwT("Opent morgen om {tijd}.", { tijd: time });
    }
    if (offset <= WEEKDAY_HORIZON) {
      return wwT("Opent {dag} om {tijd}.", { dag: WEEKDAY.format(day), tijd: time });
    }
    return wwT("Opent op {datum} om {tijd}.", { datum: WEEKDAY_DATE.format(day), tijd: time });
  }

  /* The same without a clock time, with the part of the day when there is one:
   * "Opent morgen 's ochtends." (never for today: then the line says "Vandaag open"). */
  function opensIn(day, offset, part) {
    const values = { dag: WEEKDAY.format(day), datum: WEEKDAY_DATE.format(day), dagdeel: PARTS[part] };
    if (offset === 1) {
      return part ? wwT("Opent morgen {dagdeel}.", values) : wwT("Opent morgen.");
    }
    if (offset <= WEEKDAY_HORIZON) {
      return part ? wwT("Opent {dag} {dagdeel}.", values) : wwT("Opent {dag}.", values);
    }
    return part ? wwT("Opent op {datum} {dagdeel}.", values) : wwT("Opent op {datum}.", values);
  }

  function status(data, today, now) {
    const iso = isoDate(today);
    if (data.geldig_tot && iso > data.geldig_tot) {
      return wwT("Deze plek is gestopt op {datum}.", { datum: dutchDate(data.geldig_tot) });
    }
    const meetings = (data.bijeenkomsten || []).filter(function (m) { return m.datum >= iso; });
    if (data.spreekuren.length === 0 && meetings.length === 0) {
      return NO_HOURS;
    }
    const todayPlan = plan(data, today);
    const until = openUntil(todayPlan, now);
    if (until) {
      return openText(until, now);
    }
    if (todayPlan.untimed.length > 0) {
      const part = todayPlan.untimed[0].dagdeel;
      return (part ? wwT("Vandaag {dagdeel} open.", { dagdeel: PARTS[part] }) : wwT("Vandaag open.")) + " " + ASK_FOR_TIMES;
    }
    return closedText(data, today, todayPlan) + nextOpeningText(data, today, now, todayPlan);
  }

  function statusAt(data, instant) {
    if (data.altijd) {  // a phone line open day and night: never "open until 24:00"
      return wwT("Dag en nacht bereikbaar.");
    }
    const clock = wallClock(instant);
    const line = status(data, clock.day, clock.now);
    return line ? line + vacationNote(data, clock.day) : line;
  }

  function isOpenAt(data, instant) {
    const clock = wallClock(instant);
    return openUntil(plan(data, clock.day), clock.now) !== null;
  }

  /* Hide what is over: [data-ww-tot="2027-03-10"] after that Dutch date, so an ended
   * meeting, hour or location leaves the page without a rebuild. */
  function isOver(element) {  // an element with data-ww-tot, or that date itself
    const last = typeof element === "string" ? element : element.getAttribute("data-ww-tot");
    return Boolean(last) && isoDate(wallClock(new Date()).day) > last;
  }

  function hideEnded() {
    document.querySelectorAll("[data-ww-tot]").forEach(function (element) {
      if (!element.hidden && isOver(element)) {
        element.hidden = true;
      }
    });
  }

  function readData(id) {
    const script = id ? document.getElementById(id) : null;
    if (!script) {
      return null;
    }
    try {
      return JSON.parse(script.textContent);
    } catch (error) {
      return null;
    }
  }

  /* Fill every [data-ww-open] element. Unchanged text is not rewritten, so a role="status"
   * region is not announced again every minute. Bad data leaves the page's own text. */
  function refresh() {
    document.querySelectorAll("[data-ww-open]").forEach(function (element) {
      const data = readData(element.getAttribute("data-ww-open"));
      let text = null;
      try {
        text = data ? statusAt(data, new Date()) : null;
      } catch (error) {
        text = null;
      }
      if (text && element.textContent !== text) {
        element.textContent = text;
      }
    });
  }

  /* " Opent maandag om 09:00." for a line that is closed now, or "". */
  function nextOpening(data, instant) {
    const clock = wallClock(instant);
    return nextOpeningText(data, clock.day, clock.now, plan(data, clock.day));
  }

  /* "Nu bereikbaar.", or "Nu niet bereikbaar. Opent morgen om 09:00." for a phone with
   * telefoon_uren; null when its data cannot be read. */
  function phoneStatus(data, instant) {
    try {
      return data.altijd ? wwT("Dag en nacht bereikbaar.") : isOpenAt(data, instant) ?
        wwT("Nu bereikbaar.") : wwT("Nu niet bereikbaar.") + nextOpening(data, instant);
    } catch (error) {
      return null;
    }
  }

  function answers(id, instant) {
    const data = readData(id);
    try {
      return Boolean(data) && isOpenAt(data, instant);
    } catch (error) {
      return false;
    }
  }

  /* Phone lines with hours (Spoed, the help bar; settings loket.uren and spoedlijnen): the
   * lines that answer now come first and 112 stays last; the loket says whether it is open,
   * or when it opens again. Without this script every line shows its hours as written. */
  function lines() {
    const instant = new Date();
    document.querySelectorAll("[data-ww-lijnen]").forEach(function (section) {
      const list = section.querySelector("ul");
      const items = Array.prototype.slice.call(list.querySelectorAll(":scope > li[data-ww-uren]"));
      const open = items.filter(function (item) { return answers(item.getAttribute("data-ww-uren"), instant); });
      const order = open.concat(items.filter(function (item) { return open.indexOf(item) === -1; }));
      items.forEach(function (item) { item.classList.toggle("ww-lijn--open", open.indexOf(item) !== -1); });
      if (order.some(function (item, index) { return items[index] !== item; })) {
        const last = list.querySelector(":scope > li:not([data-ww-uren])");
        order.forEach(function (item) { list.insertBefore(item, last); });
      }
      const status = section.querySelector("[data-ww-loket-status]");
      const data = status ? readData(status.getAttribute("data-ww-loket-status")) : null;
      if (data) {
        const id = status.getAttribute("data-ww-loket-status");
        const text = answers(id, instant) ? wwT("Het loket is nu open.") :
          wwT("Het loket is nu dicht.") + nextOpening(data, instant) +
          (open.length ? " " + wwT("Bel bij spoed een nummer dat nu open is.") : "");
        if (status.textContent !== text) {
          status.textContent = text;
        }
        status.hidden = false;
      }
    });
    document.querySelectorAll("[data-ww-hulpbalk]").forEach(function (bar) {
      const loket = bar.querySelector("[data-ww-hb-open]");
      const id = loket ? loket.getAttribute("data-ww-hb-open") : null;
      const data = readData(id);
      let text = null;
      try {
        text = data ? statusAt(data, instant) : null;
      } catch (error) {
        text = null;
      }
      if (text && loket.textContent !== text) {
        loket.textContent = text;
      }
      const closed = Boolean(text) && !answers(id, instant);
      let shown = false;
      bar.querySelectorAll("[data-ww-hb-lijn]").forEach(function (link) {
        const show = closed && !shown && answers(link.getAttribute("data-ww-hb-lijn"), instant);
        link.hidden = !show;
        shown = shown || show;
      });
      // A line that answers takes the closed loket's place: the bar never offers a closed line
      // first, and stays short on a phone. The line above says when the loket opens again.
      const call = bar.querySelector(".ww-hulpbalk__bel");
      if (call) {
        call.hidden = shown;
      }
      // The weekly hours stay beside "Nu gesloten. Opent morgen om 09:00.": hiding them after
      // the page is drawn moved the page up (a layout shift).
    });
    // An organisation's or a place's phone with telefoon_uren, next to its number.
    document.querySelectorAll("[data-ww-bereikbaar]").forEach(function (element) {
      const id = element.getAttribute("data-ww-bereikbaar");
      const data = readData(id);
      if (!data) {
        return;
      }
      const text = phoneStatus(data, instant);
      if (text && element.textContent !== text) {
        element.textContent = text;
      }
    });
    document.querySelectorAll(".ww-lijn__nu, .ww-hulpbalk__nu").forEach(function (element) {
      element.hidden = !element.textContent;
    });
  }

  function start() {
    hideEnded();
    refresh();
    lines();
    window.setInterval(function () {
      hideEnded();
      refresh();
      lines();
    }, 60 * 1000);
  }

  window.wegwijzerOpeningstijden = {
    statusAt: statusAt,
    isOpenAt: isOpenAt,
    phoneStatus: phoneStatus,  // wegwijzer.js: "Nu bereikbaar" on the cards it builds
    isOver: isOver,  // wegwijzer.js keeps an ended card hidden when the filters change
    holidays: function (year, policy) { return holidaysOf(year, policy || {}); },
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
