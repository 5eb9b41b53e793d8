using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;

namespace ActionAgent.Flows.Caching;

/// <summary>Aims a remembered action at the element found on the current page (ids change between runs; boxes move).</summary>
internal static class ActionRetargeting
{
    /// <summary>The element an action target points at in an observation (by id, or the smallest element under the point).</summary>
    public static UiElement? Resolve(ActionTarget? target, Observation observation)
    {
        if (target is null)
        {
            return null;
        }

        if (target.ElementId is { } id)
        {
            return observation.Find(id);
        }

        if (target.Point is { } p)
        {
            var css = observation.Geometry.ToCss(p);
            return observation.Elements.Where(e => e.Bounds.Contains(css.X, css.Y)).MinBy(e => e.Bounds.Area);
        }

        return null;
    }

    /// <summary>The same target with points converted to CSS pixels (so they survive a different screenshot scale).</summary>
    public static ActionTarget? ToCss(ActionTarget? target, Observation observation) =>
        target?.Point is { } p && p.Space != CoordinateSpace.Css ? target with { Point = observation.Geometry.ToCss(p) } : target;

    /// <summary>Points every target of the action at CSS pixels.</summary>
    public static BrowserAction ToCss(BrowserAction action, Observation observation) => Map(action, t => ToCss(t, observation)!, t => ToCss(t, observation)!);

    /// <summary>Re-aims a target at a found element: by id when it was an id, at the same relative spot when it was a point.</summary>
    public static ActionTarget Aim(ActionTarget original, UiElement element, ScreenRect recordedBounds)
    {
        if (original.Point is { } p && p.Space == CoordinateSpace.Css && recordedBounds.Width > 0 && recordedBounds.Height > 0)
        {
            var rx = Math.Clamp((p.X - recordedBounds.X) / recordedBounds.Width, 0, 1);
            var ry = Math.Clamp((p.Y - recordedBounds.Y) / recordedBounds.Height, 0, 1);
            return original with
            {
                ElementId = null,
                Point = new ScreenPoint(element.Bounds.X + rx * element.Bounds.Width, element.Bounds.Y + ry * element.Bounds.Height, CoordinateSpace.Css),
            };
        }

        return original with { ElementId = element.Id, Point = null };
    }

    /// <summary>Replaces the primary and secondary (drag drop) targets of an action.</summary>
    public static BrowserAction Map(BrowserAction action, Func<ActionTarget, ActionTarget> primary, Func<ActionTarget, ActionTarget> secondary) => action switch
    {
        ClickAction a => a with { Target = primary(a.Target) },
        HoverAction a => a with { Target = primary(a.Target) },
        SelectTextAction a => a with { Target = primary(a.Target) },
        TypeTextAction { Target: not null } a => a with { Target = primary(a.Target) },
        ScrollAction { Target: not null } a => a with { Target = primary(a.Target) },
        DragAction a => a with { From = primary(a.From), To = secondary(a.To) },
        SelectOptionAction a => a with { Target = primary(a.Target) },
        UploadFileAction a => a with { Target = primary(a.Target) },
        _ => action,
    };

    /// <summary>The drop target of a drag, when the action is one.</summary>
    public static ActionTarget? Secondary(BrowserAction action) => action is DragAction d ? d.To : null;
}
