using ActionAgent.Core.Decision;
using ActionAgent.Core.Perception;
using ActionAgent.Models.Output;
using ActionAgent.Models.Tests.Support;
using ActionAgent.TestKit.FakeServers;

namespace ActionAgent.Models.Tests.Output;

[TestClass]
public sealed class ActionReplyParserTests
{
    private static readonly Observation s_form = SampleObservations.RefundForm(withScreenshot: false);

    [TestMethod]
    public void Parse_ClickOnElement_TargetsItWithItsLabel()
    {
        var reply = ActionReplyParser.Parse(Replies.Action("click", elementId: SampleObservations.SubmitId, confidence: 0.85, reason: "submit the form"), s_form);

        var click = (ClickAction)reply.Action!;
        Assert.AreEqual(SampleObservations.SubmitId, click.Target.ElementId);
        Assert.AreEqual("Submit refund", click.Target.Description);
        Assert.AreEqual(0.85, reply.Confidence);
        Assert.AreEqual("submit the form", reply.Reason);
    }

    [TestMethod]
    public void Parse_Coordinates_BecomeNormalized1000PointNamingTheElementUnderIt()
    {
        // 609/1000 of 1280 = 780 px, 979/1000 of 720 = 705 px: inside "Submit refund" (700..860, 690..726).
        var reply = ActionReplyParser.Parse(Replies.Action("click", x: 609, y: 979), s_form);

        var target = ((ClickAction)reply.Action!).Target;
        Assert.IsNull(target.ElementId);
        Assert.AreEqual(new ScreenPoint(609, 979, CoordinateSpace.Normalized1000), target.Point);
        Assert.AreEqual("Submit refund", target.Description);
    }

    [TestMethod]
    public void Parse_SelectText_NamesTheWordsAndTheElement_AndWithoutWordsIsInvalid()
    {
        var reply = ActionReplyParser.Parse(Replies.Action("select_text", elementId: SampleObservations.SubmitId, value: "refund"), s_form);
        var missing = ActionReplyParser.Parse(Replies.Action("select_text", elementId: SampleObservations.SubmitId), s_form);

        var select = (SelectTextAction)reply.Action!;
        Assert.AreEqual(SampleObservations.SubmitId, select.Target.ElementId);
        Assert.AreEqual("refund", select.Text);
        StringAssert.Contains(missing.Error, "select_text needs \"value\"");
    }

    [TestMethod]
    public void Parse_DialogAnswer_RidesOnTheAction_AndAnUnknownAnswerIsInvalid()
    {
        static string With(string fields) =>
            $"{{\"action\": \"click\", \"element_id\": {SampleObservations.SubmitId}, {fields} \"reason\": \"r\", \"confidence\": 0.9}}";

        var dismiss = ActionReplyParser.Parse(With("\"dialog\": \"dismiss\", \"dialog_text\": null,"), s_form);
        var typed = ActionReplyParser.Parse(With("\"dialog\": \"accept\", \"dialog_text\": \"{{secret:PIN}}\","), s_form);
        var none = ActionReplyParser.Parse(With("\"dialog\": null, \"dialog_text\": null,"), s_form);
        var wrong = ActionReplyParser.Parse(With("\"dialog\": \"maybe\","), s_form);

        Assert.AreEqual(DialogReply.Cancel, dismiss.Action!.OnDialog);
        Assert.AreEqual(new DialogReply(true, "{{secret:PIN}}"), typed.Action!.OnDialog);
        Assert.IsNull(none.Action!.OnDialog, "no answer given: accepted as before");
        Assert.IsFalse(wrong.IsAction);
        StringAssert.Contains(wrong.Error, "\"dialog\" must be");
    }

    [TestMethod]
    public void Parse_UnknownElementId_IsInvalidAndSaysToUseTheList()
    {
        var reply = ActionReplyParser.Parse(Replies.Action("click", elementId: 99), s_form);

        Assert.IsFalse(reply.IsAction);
        StringAssert.Contains(reply.Error, "element_id 99 is not in the element list");
    }

    [TestMethod]
    public void Parse_PixelCoordinates_AreRejectedAsNot0To1000()
    {
        var reply = ActionReplyParser.Parse(Replies.Action("click", x: 1280, y: 400), s_form);

        StringAssert.Contains(reply.Error, "between 0 and 1000");
        StringAssert.Contains(reply.Error, "not pixels");
    }

    [TestMethod]
    public void Parse_ProseInsteadOfJson_IsInvalidAndQuotesTheStart()
    {
        var reply = ActionReplyParser.Parse("Sure! I will click the Submit refund button now.", s_form);

        StringAssert.Contains(reply.Error, "it was not JSON");
        StringAssert.Contains(reply.Error, "Sure! I will click");
    }

    [TestMethod]
    public void Parse_JsonInCodeFence_IsAccepted()
    {
        var reply = ActionReplyParser.Parse("```json\n" + Replies.Action("type", elementId: 11, value: "Jane Doe") + "\n```", s_form);

        var type = (TypeTextAction)reply.Action!;
        Assert.AreEqual("Jane Doe", type.Text);
        Assert.AreEqual(11, type.Target!.ElementId);
    }

    [TestMethod]
    public void Parse_BrokenJson_IsInvalid()
    {
        var reply = ActionReplyParser.Parse("{\"action\": \"click\", \"element_id\": }", s_form);

        StringAssert.Contains(reply.Error, "not valid JSON");
    }

    [TestMethod]
    public void Parse_UnknownAction_ListsTheAllowedOnes()
    {
        var reply = ActionReplyParser.Parse("""{"action":"tap","element_id":3}""", s_form);

        StringAssert.Contains(reply.Error, "unknown action \"tap\"");
        StringAssert.Contains(reply.Error, "double_click");
    }

    [TestMethod]
    public void Parse_ClickWithoutTarget_AsksForOne()
    {
        var reply = ActionReplyParser.Parse(Replies.Action("click"), s_form);

        StringAssert.Contains(reply.Error, "click needs a target");
    }

    [TestMethod]
    public void Parse_SelectOfAbsentOption_ListsTheOptions()
    {
        var reply = ActionReplyParser.Parse(Replies.Action("select", elementId: SampleObservations.ReasonSelectId, value: "Broken"), s_form);

        StringAssert.Contains(reply.Error, "\"Broken\" is not an option of element 15");
        StringAssert.Contains(reply.Error, "\"Damaged item\"");
    }

    [TestMethod]
    public void Parse_SelectOfOption_IgnoresCase()
    {
        var reply = ActionReplyParser.Parse(Replies.Action("select", elementId: SampleObservations.ReasonSelectId, value: "damaged item"), s_form);

        Assert.AreEqual("damaged item", ((SelectOptionAction)reply.Action!).Option);
    }

    [TestMethod]
    public void Parse_TerminalActions_MapValueToResultReasonAndQuestion()
    {
        Assert.AreEqual("refund R-77 created", ((DoneAction)ActionReplyParser.Parse(Replies.Action("done", value: "refund R-77 created"), s_form).Action!).Result);
        Assert.AreEqual("order not found", ((FailAction)ActionReplyParser.Parse(Replies.Action("fail", value: "order not found"), s_form).Action!).Reason);
        Assert.AreEqual("Which order?", ((AskHumanAction)ActionReplyParser.Parse(Replies.Action("ask_human", value: "Which order?"), s_form).Action!).Question);
    }

    [TestMethod]
    public void Parse_ScrollWaitPressNavigate_MapToTheirActions()
    {
        Assert.AreEqual(600, ((ScrollAction)ActionReplyParser.Parse(Replies.Action("scroll", dy: 600), s_form).Action!).DeltaY);
        Assert.AreEqual("Control+A", ((PressKeyAction)ActionReplyParser.Parse(Replies.Action("press", value: "Control+A"), s_form).Action!).Keys);
        Assert.AreEqual("/orders", ((NavigateAction)ActionReplyParser.Parse(Replies.Action("navigate", value: "/orders"), s_form).Action!).Url);
        Assert.IsInstanceOfType<GoBackAction>(ActionReplyParser.Parse(Replies.Action("go_back"), s_form).Action);
        var wait = (WaitAction)ActionReplyParser.Parse("""{"action":"wait","seconds":90,"value":"Refund created"}""", s_form).Action!;
        Assert.AreEqual(TimeSpan.FromSeconds(30), wait.Duration, "waits are capped at 30 s");
        Assert.AreEqual("Refund created", wait.UntilText);
    }

    [TestMethod]
    public void Parse_NavigateToJavascriptUrl_IsRejected()
    {
        var reply = ActionReplyParser.Parse(Replies.Action("navigate", value: "javascript:alert(1)"), s_form);

        StringAssert.Contains(reply.Error, "http(s) URL");
    }

    [TestMethod]
    public void Parse_DoubleAndRightClick_SetButtonAndCount()
    {
        var dbl = (ClickAction)ActionReplyParser.Parse(Replies.Action("double_click", elementId: 7), s_form).Action!;
        var right = (ClickAction)ActionReplyParser.Parse(Replies.Action("right_click", elementId: 7), s_form).Action!;

        Assert.AreEqual(2, dbl.ClickCount);
        Assert.AreEqual(MouseButtonKind.Right, right.Button);
    }

    [TestMethod]
    public void Parse_Drag_NeedsADropTarget()
    {
        var missing = ActionReplyParser.Parse(Replies.Action("drag", elementId: 34), s_form);
        var ok = ActionReplyParser.Parse("""{"action":"drag","element_id":34,"to_x":500,"to_y":500}""", s_form);

        StringAssert.Contains(missing.Error, "to_element_id");
        Assert.AreEqual(CoordinateSpace.Normalized1000, ((DragAction)ok.Action!).To.Point!.Value.Space);
    }

    [TestMethod]
    public void Parse_MoreElements_IsAPageRequestOnlyWhenThereAreMorePages()
    {
        var request = ActionReplyParser.Parse(Replies.Action("more_elements", page: 2), s_form, pageCount: 3);
        var single = ActionReplyParser.Parse(Replies.Action("more_elements", page: 2), s_form, pageCount: 1);

        Assert.AreEqual(2, request.RequestedPage);
        Assert.IsNull(request.Action);
        StringAssert.Contains(single.Error, "already listed");
    }

    [TestMethod]
    public void Parse_ConfidenceMissingOrOutOfRange_IsDefaultedOrClamped()
    {
        Assert.AreEqual(0.7, ActionReplyParser.Parse("""{"action":"click","element_id":3}""", s_form).Confidence);
        Assert.AreEqual(1.0, ActionReplyParser.Parse("""{"action":"click","element_id":3,"confidence":7}""", s_form).Confidence);
    }
}
