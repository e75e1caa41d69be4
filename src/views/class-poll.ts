/**
 * @module The one script of the site: refreshes the board and the dashboard while they are visible.
 *
 * Pages work without it (a Refresh button reloads them; there is no meta refresh,
 * which fails WCAG 2.2.1). With it, the page re-fetches itself every `data-poll`
 * seconds (never under 20) while the tab is visible, and copies each `[data-live]`
 * element from the fresh page by id. The short status line is an `aria-live`
 * region, updated only when its text changes, so screen readers hear "12 of 30
 * finished" once, not every poll. A region holding the keyboard focus is left
 * alone so a teacher's Remove button never moves under their finger. Written in
 * ES5 with promises for old school iPads. Served as a file (CSP: script-src 'self').
 */
import { hashOf } from "./styles";

export const pollScript = `(function(){
var root=document.querySelector("[data-poll]");
if(!root||!window.fetch||!window.DOMParser)return;
var every=Math.max(20,Number(root.getAttribute("data-poll"))||30)*1000;
var last=Date.now(),busy=false;
function refresh(){
if(busy||document.hidden)return;
busy=true;
fetch(location.href,{credentials:"same-origin",headers:{accept:"text/html"}}).then(function(res){
return res.ok?res.text():null;
}).then(function(html){
if(!html)return;
var doc=new DOMParser().parseFromString(html,"text/html");
var regions=document.querySelectorAll("[data-live]");
for(var i=0;i<regions.length;i++){
var region=regions[i],fresh=doc.getElementById(region.id);
if(!fresh||region.innerHTML===fresh.innerHTML)continue;
if(region.contains(document.activeElement))continue;
region.innerHTML=fresh.innerHTML;
}
})["catch"](function(){}).then(function(){busy=false;last=Date.now();});
}
setInterval(function(){if(Date.now()-last>=every)refresh();},5000);
document.addEventListener("visibilitychange",function(){if(!document.hidden&&Date.now()-last>=every)refresh();});
})();
`;

/** The script's URL: content-hashed, so it can be cached for a year. */
export const pollPath = `/assets/poll.${hashOf(pollScript)}.js`;
