using System.Net;
using System.Text;

namespace ActionAgent.Vision.Tests.Support;

/// <summary>Pages the vision tests render in Chromium: UI text in several fonts and themes, a canvas app, animations.</summary>
internal static class TestPages
{
    /// <summary>UI phrases used on the text accuracy pages.</summary>
    public static readonly string[] Phrases =
    [
        "Save changes", "Cancel", "Export report", "Sign in", "Forgot password?", "Account balance", "Search products",
        "Add to cart", "Delete item", "Terms of Service", "Next page", "Download PDF", "Upload file", "Remember me",
        "Email address", "Submit order", "Settings", "Notifications", "Privacy policy", "Invoice #4821",
        "Total: $1,234.56", "Shipping address", "Create account", "Log out", "Dashboard", "Reports", "Customers",
        "Open ticket", "Refund payment", "Last updated 5 minutes ago", "Show 25 rows", "Apply filters",
    ];

    /// <summary>Font families of the accuracy pages (CSS).</summary>
    public static readonly (string Key, string Css)[] Fonts =
    [
        ("DejaVu Sans", "'DejaVu Sans'"), ("Liberation Serif", "'Liberation Serif'"), ("Liberation Sans", "'Liberation Sans'"), ("monospace", "monospace"),
    ];

    /// <summary>Font sizes of the accuracy pages, CSS pixels.</summary>
    public static readonly int[] Sizes = [12, 14, 16, 20, 24];

    /// <summary>
    /// A page of UI text (buttons, plain labels, links) in one font and theme, every size in <see cref="Sizes"/>;
    /// returns the HTML and the words a reader should see, per size.
    /// </summary>
    public static (string Html, List<(int Size, string[] Words)> Expected) TextPage(string fontCss, bool dark)
    {
        var (background, foreground, accent) = dark ? ("#0d1117", "#e6edf3", "#4493f8") : ("#ffffff", "#1f2328", "#0969da");
        var html = new StringBuilder();
        html.Append($"<!doctype html><html><head><meta charset='utf-8'><title>Text</title></head>");
        html.Append($"<body style=\"margin:0;padding:12px;background:{background};color:{foreground};font-family:{fontCss}\">");
        var expected = new List<(int, string[])>();
        var next = 0;
        foreach (var size in Sizes)
        {
            html.Append($"<div style='font-size:{size}px;display:flex;flex-wrap:wrap;gap:{size}px;margin-bottom:{size / 2}px'>");
            var words = new List<string>();
            for (var k = 0; k < (size < 20 ? 7 : 5); k++)
            {
                var phrase = Phrases[next++ % Phrases.Length];
                var text = WebUtility.HtmlEncode(phrase);
                html.Append((k % 3) switch
                {
                    0 => $"<button style='font:inherit;background:{accent};color:#fff;border:0;border-radius:4px;padding:4px 10px'>{text}</button>",
                    1 => $"<span>{text}</span>",
                    _ => $"<a href='#' style='color:{accent}'>{text}</a>",
                });
                words.AddRange(phrase.Split(' '));
            }

            html.Append("</div>");
            expected.Add((size, words.ToArray()));
        }

        html.Append("</body></html>");
        return (html.ToString(), expected);
    }

    /// <summary>
    /// An app drawn entirely on one canvas: a toolbar (New, Open, Save, Export, Print, Share, Delete), a form with
    /// inputs and checkboxes, and a filter panel. <c>window.truth</c> lists every control's box;
    /// <c>window.clicks</c> records which control each click hit.
    /// </summary>
    public const string CanvasApp = """
<!doctype html>
<html><head><meta charset="utf-8"><title>Canvas app</title>
<style>html,body{margin:0;padding:0;background:#f3f4f6;overflow:hidden}canvas{display:block}</style></head>
<body><canvas id="app" width="1280" height="720"></canvas>
<script>
const c = document.getElementById('app'), g = c.getContext('2d');
const truth = []; window.truth = truth; window.clicks = [];
function rr(x,y,w,h,r){g.beginPath();g.moveTo(x+r,y);g.arcTo(x+w,y,x+w,y+h,r);g.arcTo(x+w,y+h,x,y+h,r);g.arcTo(x,y+h,x,y,r);g.arcTo(x,y,x+w,y,r);g.closePath();}
function button(x,y,w,h,label,style){
  if(style==='primary'){g.fillStyle='#2563eb';rr(x,y,w,h,6);g.fill();g.fillStyle='#fff';}
  else if(style==='danger'){g.fillStyle='#dc2626';rr(x,y,w,h,6);g.fill();g.fillStyle='#fff';}
  else {g.fillStyle='#fff';rr(x,y,w,h,6);g.fill();g.strokeStyle='#9ca3af';g.lineWidth=1;rr(x+.5,y+.5,w-1,h-1,6);g.stroke();g.fillStyle='#111827';}
  g.font='15px "DejaVu Sans"';g.textAlign='center';g.textBaseline='middle';g.fillText(label,x+w/2,y+h/2+1);
  truth.push({role:'button',label,x,y,w,h});
}
function input(x,y,w,h,label,placeholder,value){
  g.fillStyle='#374151';g.font='14px "DejaVu Sans"';g.textAlign='left';g.textBaseline='alphabetic';g.fillText(label,x,y-8);
  g.fillStyle='#fff';g.fillRect(x,y,w,h);g.strokeStyle='#6b7280';g.lineWidth=1;g.strokeRect(x+.5,y+.5,w-1,h-1);
  g.font='14px "DejaVu Sans"';g.textBaseline='middle';
  if(value){g.fillStyle='#111827';g.fillText(value,x+8,y+h/2+1);} else if(placeholder){g.fillStyle='#9ca3af';g.fillText(placeholder,x+8,y+h/2+1);}
  truth.push({role:'textbox',label,x,y,w,h});
}
function checkbox(x,y,label,checked){
  const s=16;g.fillStyle='#fff';g.fillRect(x,y,s,s);g.strokeStyle='#4b5563';g.lineWidth=1.5;g.strokeRect(x+.75,y+.75,s-1.5,s-1.5);
  if(checked){g.strokeStyle='#111827';g.lineWidth=2;g.beginPath();g.moveTo(x+3,y+8);g.lineTo(x+7,y+12);g.lineTo(x+13,y+4);g.stroke();}
  g.fillStyle='#111827';g.font='14px "DejaVu Sans"';g.textAlign='left';g.textBaseline='middle';g.fillText(label,x+s+8,y+s/2+1);
  truth.push({role:'checkbox',label,x,y,w:s,h:s,checked});
}
// toolbar
g.fillStyle='#e5e7eb';g.fillRect(0,0,1280,56);g.strokeStyle='#d1d5db';g.beginPath();g.moveTo(0,56.5);g.lineTo(1280,56.5);g.stroke();
let x=16;for(const [l,w] of [['New',64],['Open',72],['Save',68],['Export',84],['Print',70],['Share',76]]){button(x,10,w,36,l,l==='Export'?'primary':'');x+=w+10;}
button(1180,10,84,36,'Delete','danger');
// form
g.fillStyle='#111827';g.font='bold 20px "DejaVu Sans"';g.textAlign='left';g.textBaseline='alphabetic';g.fillText('Customer details',40,100);
input(40,140,320,34,'Full name','Jane Doe','');
input(400,140,320,34,'Email address','','jane@example.com');
input(40,210,320,34,'Phone','+1 555 0100','');
input(400,210,200,34,'Postcode','','90210');
input(40,280,680,34,'Notes','Anything we should know?','');
checkbox(40,340,'Subscribe to newsletter',true);
checkbox(40,372,'Accept terms and conditions',false);
checkbox(40,404,'Remember this device',false);
button(40,450,110,40,'Submit','primary');button(164,450,100,40,'Cancel','');button(278,450,140,40,'Save draft','');
// side panel
g.fillStyle='#fff';g.fillRect(800,80,440,400);g.strokeStyle='#d1d5db';g.strokeRect(800.5,80.5,440,400);
g.fillStyle='#111827';g.font='bold 18px "DejaVu Sans"';g.textAlign='left';g.textBaseline='alphabetic';g.fillText('Filters',824,115);
input(824,150,392,32,'Search','Search orders','');
checkbox(824,200,'Only open orders',true);checkbox(824,230,'Include archived',false);
button(824,270,120,36,'Apply','primary');button(956,270,100,36,'Reset','');
document.body.dataset.truth=JSON.stringify(truth);
c.addEventListener('click',e=>{const r=c.getBoundingClientRect();const px=e.clientX-r.left,py=e.clientY-r.top;
 const hit=truth.find(t=>px>=t.x&&px<=t.x+t.w&&py>=t.y&&py<=t.y+t.h);window.clicks.push(hit?hit.label:null);});
</script></body></html>
""";

    /// <summary>A static page with a heading, a paragraph and a button.</summary>
    public const string Static = """
        <!doctype html><html><head><meta charset="utf-8"><title>Static</title></head>
        <body style="font-family:'DejaVu Sans';margin:24px">
        <h1>Order summary</h1><p>Three items are ready to ship.</p><button>Confirm order</button>
        </body></html>
        """;

    /// <summary>
    /// A page that never stops moving: a box sliding one way and jumping back. Not <c>alternate</c>: a box bouncing
    /// back and forth sits at the same place on both sides of each turn, so two captures straddling a turn can match
    /// and the page would read as settled by chance.
    /// </summary>
    public const string Animated = """
        <!doctype html><html><head><meta charset="utf-8"><title>Animated</title>
        <style>@keyframes slide{from{transform:translateX(0)}to{transform:translateX(900px)}}
        .box{width:200px;height:200px;background:#2563eb;animation:slide 0.7s linear infinite}</style></head>
        <body style="margin:24px"><p style="font-family:'DejaVu Sans'">Loading…</p><div class="box"></div></body></html>
        """;

    /// <summary>A page whose "Show details" button reveals a line of text; the rest of the page does nothing.</summary>
    public const string Reveal = """
        <!doctype html><html><head><meta charset="utf-8"><title>Reveal</title></head>
        <body style="font-family:'DejaVu Sans';margin:24px;font-size:16px">
        <button id="show" onclick="document.getElementById('details').style.visibility='visible'">Show details</button>
        <p id="details" style="visibility:hidden;margin-top:40px">Shipped on 3 March by courier</p>
        <p style="margin-top:200px">Nothing happens when you click here.</p>
        </body></html>
        """;
}
