using ActionAgent.Core.Decision;
using ActionAgent.Core.Decision.Interpretation;
using ActionAgent.Core.Perception;

namespace ActionAgent.Core.Tests.Decision;

/// <summary>
/// "First tree on the page (with the Continents root): open Africa": the place is counted among the places that hold an
/// element of that name, in page order. Batch 14's first run opened Africa in the second tree, whose heading ("A rootless
/// tree (no continents node)") shared more words with the description, and said Completed.
/// </summary>
[TestClass]
public sealed class PlaceOrdinalTests
{
    private static Observation TwoTrees()
    {
        var elements = new List<UiElement>
        {
            new() { Id = 1, Role = "heading", Name = "Tree with hardcoded root node (not corresponding to any item in the store)", Bounds = new ScreenRect(20, 60, 600, 24) },
            new() { Id = 2, Role = "treeitem", Name = "Continents", Expanded = true, Bounds = new ScreenRect(40, 150, 120, 20) },
            new() { Id = 3, Role = "treeitem", Name = "Africa", Expanded = false, Bounds = new ScreenRect(60, 175, 120, 20) },
            new() { Id = 4, Role = "treeitem", Name = "Asia", Expanded = false, Bounds = new ScreenRect(60, 200, 120, 20) },
            new() { Id = 10, Role = "heading", Name = "A rootless tree (no \"continents\" node) with context menus, and custom icons", Bounds = new ScreenRect(20, 340, 600, 24) },
            new() { Id = 11, Role = "treeitem", Name = "Africa", Expanded = false, Bounds = new ScreenRect(40, 400, 120, 20) },
            new() { Id = 12, Role = "treeitem", Name = "Asia", Expanded = false, Bounds = new ScreenRect(40, 425, 120, 20) },
        };
        return new Observation { Url = "http://127.0.0.1:5080/trees", Geometry = ViewportGeometry.Identity(1280, 800), Elements = elements };
    }

    private static async Task<BrowserAction> FirstActionAsync(string task)
    {
        var interpreter = new StepInterpreter(new StepInterpreterOptions());
        var proposal = await interpreter.DecideAsync(new DecisionContext("run", task, 1, TwoTrees(), []));
        return proposal.Action;
    }

    [TestMethod]
    [DataRow("First tree on the page (with the Continents root): open Africa.", 3)]
    [DataRow("In the second tree, open Africa.", 11)]
    [DataRow("In the last tree, open Asia.", 12)]
    public async Task Ground_ANameInTheNthTree_IsCountedAmongTheTreesThatHoldIt(string task, int expected)
    {
        var action = await FirstActionAsync(task);

        Assert.AreEqual(expected, action.PrimaryTarget?.ElementId, action.Describe());
    }
}
