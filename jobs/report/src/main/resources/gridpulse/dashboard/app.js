// gridpulse dashboard: every figure from /api (the dashboard queries); rates come formatted by
// the server's one rate function (Rates.percent), never recomputed here.
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('token');
  var charts = {};
  var state = { month: null, level: 'district', path: [] };
  var LEVELS = ['district', 'street', 'community', 'grid'];
  var LEVEL_NAMES = { district: '区', street: '街道', community: '社区', grid: '网格' };
  var SOURCE_NAMES = { INSPECTOR: '监督员', HOTLINE_12345: '12345热线', HOTLINE_12319: '12319热线', VIDEO: '视频识别',
    PUBLIC_APP: '随手拍', DRONE: '无人机', SENSOR: '物联感知' };

  function api(path, params) {
    var q = new URLSearchParams(params || {});
    return fetch(path + (q.toString() ? '?' + q : ''), { headers: token ? { Authorization: 'Bearer ' + token } : {} })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) { throw new Error(b.error || r.status); } return b; }); });
  }
  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' }); }
    return charts[id];
  }
  function fail(id, err) {
    var el = document.getElementById(id);
    if (charts[id]) { charts[id].dispose(); delete charts[id]; }
    el.innerHTML = '<div class="error">数据暂缺：' + String(err.message || err).replace(/[<>&]/g, '') + '</div>';
  }
  function monthStart() { return state.month + '-01'; }
  function addMonths(m, k) { var d = new Date(m + '-01T00:00:00Z'); d.setUTCMonth(d.getUTCMonth() + k); return d.toISOString().slice(0, 7); }
  function lastDay(m) { var d = new Date(addMonths(m, 1) + '-01T00:00:00Z'); d.setUTCDate(0); return d.toISOString().slice(0, 10); }
  var text = { color: '#e6edf5' };

  function drawMap() {
    var level = LEVELS[state.path.length];
    var parent = state.path.length ? state.path[state.path.length - 1] : '';
    var crumbs = document.getElementById('crumbs');
    crumbs.innerHTML = '';
    var top = document.createElement('a'); top.textContent = '全市'; top.onclick = function () { state.path = []; drawMap(); };
    crumbs.appendChild(top);
    state.path.forEach(function (p, i) {
      var a = document.createElement('a'); a.textContent = '› ' + p;
      a.onclick = function () { state.path = state.path.slice(0, i + 1); drawMap(); };
      crumbs.appendChild(a);
    });
    return Promise.all([
      api('/api/geo', { level: level, parent: parent }),
      api('/api/q/cases_by_area', { from: monthStart(), to: monthStart(), level: level, parent: parent })
    ]).then(function (res) {
      var geo = res[0], rows = res[1].rows;
      var name = 'gp-' + level + '-' + parent;
      echarts.registerMap(name, geo);
      var data = rows.map(function (r) { return { name: r.area, value: r.per_km2, reported: r.reported, label2: r.area_name }; });
      var max = Math.max.apply(null, data.map(function (d) { return d.value; }).concat([1]));
      var c = chart('chart-map');
      c.off('click');
      c.setOption({
        tooltip: { formatter: function (p) { var d = p.data || {}; return (d.label2 || p.name) + '<br/>案件 ' + (d.reported || 0) + ' 件<br/>密度 ' + (p.value || 0) + ' 件/km²'; } },
        visualMap: { min: 0, max: max, text: ['高', '低'], calculable: true, inRange: { color: ['#fff5d6', '#ffb347', '#e4572e', '#8b0000'] }, textStyle: text, left: 10, bottom: 10 },
        series: [{ type: 'map', map: name, roam: true, data: data, label: { show: level !== 'grid', color: '#1b1b1b', fontSize: 11 },
          emphasis: { label: { show: true } }, itemStyle: { borderColor: '#555', borderWidth: 0.5 } }]
      }, true);
      c.on('click', function (p) { if (state.path.length < 3 && p.name) { state.path.push(p.name); drawMap(); } });
    }).catch(function (e) { fail('chart-map', e); });
  }

  function drawRanking() {
    return api('/api/q/dept_ranking', { month: monthStart() }).then(function (b) {
      var rows = b.rows.filter(function (r) { return r.ranked; }).slice(0, 15).reverse();
      chart('chart-ranking').setOption({
        grid: { left: 10, right: 50, top: 10, bottom: 20, containLabel: true },
        tooltip: { formatter: function (p) { var r = rows[p.dataIndex]; return (r.name || r.department) + '<br/>得分 ' + r.score + '（' + r.grade + '）<br/>处置率 ' + r.disposal_rate + '<br/>按期处置率 ' + r.on_time_rate; } },
        xAxis: { type: 'value', max: 100, axisLabel: text },
        yAxis: { type: 'category', data: rows.map(function (r) { return r.name || r.department; }), axisLabel: text },
        series: [{ type: 'bar', data: rows.map(function (r) { return r.score; }), itemStyle: { color: '#1f6feb' },
          label: { show: true, position: 'right', color: '#e6edf5', formatter: function (p) { return rows[p.dataIndex].grade; } } }]
      }, true);
    }).catch(function (e) { fail('chart-ranking', e); });
  }

  function drawTrend() {
    return api('/api/q/trend_monthly', { from: addMonths(state.month, -11) + '-01', to: monthStart() }).then(function (b) {
      var r = b.rows;
      chart('chart-trend').setOption({
        tooltip: { trigger: 'axis' }, legend: { data: ['本期', '上月（环比）', '去年同期（同比）'], textStyle: text },
        grid: { left: 50, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: r.map(function (x) { return String(x.month).slice(0, 7); }), axisLabel: text },
        yAxis: { type: 'value', axisLabel: text },
        series: [
          { name: '本期', type: 'line', data: r.map(function (x) { return x.reported; }), smooth: true },
          { name: '上月（环比）', type: 'line', data: r.map(function (x) { return x.previous_month; }), lineStyle: { type: 'dashed' } },
          { name: '去年同期（同比）', type: 'bar', data: r.map(function (x) { return x.previous_year; }), itemStyle: { opacity: 0.5 } }]
      }, true);
    }).catch(function (e) { fail('chart-trend', e); });
  }

  function drawSources() {
    return Promise.all([
      api('/api/q/cases_by_source', { from: monthStart(), to: monthStart() }),
      api('/api/q/cases_by_category', { from: monthStart(), to: monthStart(), limit: 8 })
    ]).then(function (res) {
      var cats = res[1].rows.slice().reverse();
      chart('chart-sources').setOption({
        tooltip: {},
        grid: { left: '55%', right: 30, top: 10, bottom: 20 },
        xAxis: { type: 'value', axisLabel: text }, yAxis: { type: 'category', data: cats.map(function (c) { return c.name || c.category_code; }), axisLabel: text },
        series: [
          { type: 'pie', radius: ['25%', '55%'], center: ['25%', '50%'], label: { color: '#e6edf5' },
            data: res[0].rows.map(function (r) { return { name: SOURCE_NAMES[r.source] || r.source, value: r.reported }; }) },
          { type: 'bar', data: cats.map(function (c) { return c.reported; }), itemStyle: { color: '#ffb347' } }]
      }, true);
    }).catch(function (e) { fail('chart-sources', e); });
  }

  // Alert types by their Chinese names (docs/alerts.md, docs/glossary.md); others as they are.
  var ALERT_NAMES = { OVERDUE: '超期', OVERDUE_WARNING: '临期预警', SUPERVISED: '督办', HOTSPOT: '区域热点',
    DUPLICATE_SUSPECTED: '疑似重复上报', RETURN_REPEATED: '推诿', SENSOR_ALARM: '传感器告警', SENSOR_SILENT: '传感器离线' };

  function drawAlerts() {
    var body = document.querySelector('#overdue tbody');
    return Promise.all([
      api('/api/q/alerts_recent', { type: 'ALL', limit: 500 }),
      api('/api/q/overdue_open', { department: '', limit: 500 })
    ]).then(function (res) {
      // One bar for the dispatches overdue now (超期未处置, listed below), then one per alert type.
      var bars = [{ name: '超期未处置', value: res[1].rows.length, itemStyle: { color: '#e4572e' } }];
      var byType = {};
      res[0].rows.forEach(function (a) { byType[a.type] = (byType[a.type] || 0) + 1; });
      Object.keys(byType).sort().forEach(function (t) {
        bars.push({ name: '告警·' + (ALERT_NAMES[t] || t), value: byType[t], itemStyle: { color: '#f2a541' } });
      });
      bars.reverse();
      chart('chart-alerts').setOption({
        tooltip: {}, grid: { left: 10, right: 40, top: 5, bottom: 20, containLabel: true },
        xAxis: { type: 'value', axisLabel: text, minInterval: 1 },
        yAxis: { type: 'category', data: bars.map(function (b) { return b.name; }),
          axisLabel: { color: text.color, interval: 0, fontSize: 11 } },
        series: [{ type: 'bar', data: bars, label: { show: true, position: 'right', color: '#e6edf5' } }]
      }, true);
      body.innerHTML = '';
      res[1].rows.slice(0, 12).forEach(function (r) {
        var tr = document.createElement('tr');
        [r.case_id, r.department_name || r.department, String(r.deadline).slice(0, 16), r.overdue_hours].forEach(function (v) {
          var td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }).catch(function (e) { fail('chart-alerts', e); });
  }

  function drawVehicles() {
    return api('/api/q/vehicle_activity', { from: monthStart(), to: lastDay(state.month), vehicle_type: 'ALL' }).then(function (b) {
      var byType = {};
      b.rows.forEach(function (r) {
        var t = byType[r.type_of_vehicle] || (byType[r.type_of_vehicle] = { n: 0, km: 0, gaps: 0 });
        t.n++; t.km += r.distance_km; if (r.silent_days > 0) { t.gaps++; }
      });
      var types = Object.keys(byType).sort();
      chart('chart-vehicles').setOption({
        tooltip: { trigger: 'axis' }, legend: { data: ['行驶里程(km)', '有覆盖缺口车辆'], textStyle: text },
        grid: { left: 60, right: 50, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: types, axisLabel: text },
        yAxis: [{ type: 'value', axisLabel: text }, { type: 'value', axisLabel: text }],
        series: [{ name: '行驶里程(km)', type: 'bar', data: types.map(function (t) { return Math.round(byType[t].km); }) },
          { name: '有覆盖缺口车辆', type: 'line', yAxisIndex: 1, data: types.map(function (t) { return byType[t].gaps; }) }]
      }, true);
    }).catch(function (e) { fail('chart-vehicles', e); });
  }

  function drawSensors() {
    return Promise.all([
      api('/api/q/sensor_status', { from: monthStart(), to: lastDay(state.month) }),
      api('/api/q/sensor_alarms', { from: monthStart(), to: lastDay(state.month) })
    ]).then(function (res) {
      var s = res[0].rows;
      var alarms = res[1].rows.reduce(function (a, r) { return a + r.alarms; }, 0);
      chart('chart-sensors').setOption({
        title: { text: '本月告警 ' + alarms + ' 次', textStyle: { color: '#ffd166', fontSize: 13 }, right: 10 },
        tooltip: { trigger: 'axis' }, legend: { data: ['在线传感器', '月末无数据'], textStyle: text, left: 10 },
        grid: { left: 50, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: s.map(function (r) { return r.type; }), axisLabel: text },
        yAxis: { type: 'value', axisLabel: text },
        series: [{ name: '在线传感器', type: 'bar', data: s.map(function (r) { return r.sensors; }) },
          { name: '月末无数据', type: 'bar', data: s.map(function (r) { return r.silent_last_day; }), itemStyle: { color: '#e4572e' } }]
      }, true);
    }).catch(function (e) { fail('chart-sensors', e); });
  }

  function drawAll() {
    window.gridpulseReady = false;
    return Promise.all([drawMap(), drawRanking(), drawTrend(), drawSources(), drawAlerts(), drawVehicles(), drawSensors()])
      .then(function () { window.gridpulseReady = true; });
  }

  var input = document.getElementById('month');
  input.addEventListener('change', function () { if (input.value) { state.month = input.value; state.path = []; drawAll(); } });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  api('/api/meta').then(function (m) {
    document.getElementById('asof').textContent = '统计截止时间：' + m.asOf;
    state.month = new URLSearchParams(location.search).get('month') || m.month;
    input.value = state.month;
    return drawAll();
  }).catch(function (e) { document.getElementById('asof').textContent = '无法读取数据：' + e.message; window.gridpulseReady = true; });
}());
