const fs=require('fs');const dir=process.argv[2];const f=fs.readdirSync(dir)[0];const p=JSON.parse(fs.readFileSync(dir+'/'+f));
const self={};const dt={};for(let i=0;i<p.samples.length;i++){dt[p.samples[i]]=(dt[p.samples[i]]||0)+(p.timeDeltas[i]||0);}
for(const n of p.nodes){const k=n.callFrame.functionName+' '+n.callFrame.url.split('/').slice(-2).join('/')+':'+n.callFrame.lineNumber;self[k]=(self[k]||0)+(dt[n.id]||0);}
console.log(Object.entries(self).sort((a,b)=>b[1]-a[1]).slice(0,30).map(([k,v])=>(v/1000).toFixed(0)+'ms '+k).join('\n'));
