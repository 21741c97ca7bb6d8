using System;
using System.Reflection;
using Emr.Codegen.Analyzers;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Tests.Spec
{
    /// <summary>
    /// Help links point to no page that does not exist: the analyzers' descriptors have none of their own, and take the
    /// spec's documentation address (metadata.documentation) when it has one.
    /// </summary>
    public class HelpLinkTests
    {
        private const string Documentation = "https://cloud.tencent.com/document/api/589/34261";

        // Descriptors is internal to the analyzer assembly, which the tests do not see into.
        private static DiagnosticDescriptor WithHelpLink(DiagnosticDescriptor descriptor, string? url)
        {
            MethodInfo method = typeof(RequestAnalyzer).Assembly.GetType("Emr.Codegen.Analyzers.Descriptors", throwOnError: true)!
                .GetMethod("WithHelpLink", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!;
            return (DiagnosticDescriptor)method.Invoke(null, new object?[] { descriptor, url })!;
        }

        [Fact]
        public void No_analyzer_descriptor_links_to_a_page_of_its_own()
        {
            Assert.All(new RequestAnalyzer().SupportedDiagnostics, d => Assert.Equal(string.Empty, d.HelpLinkUri));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void Without_an_address_the_descriptor_is_itself(string? url)
        {
            foreach (DiagnosticDescriptor descriptor in new RequestAnalyzer().SupportedDiagnostics)
            {
                Assert.Same(descriptor, WithHelpLink(descriptor, url));
            }
        }

        [Fact]
        public void With_an_address_the_descriptor_is_the_same_but_for_its_link_and_is_made_once()
        {
            foreach (DiagnosticDescriptor descriptor in new RequestAnalyzer().SupportedDiagnostics)
            {
                DiagnosticDescriptor linked = WithHelpLink(descriptor, Documentation);
                Assert.Equal(Documentation, linked.HelpLinkUri);
                Assert.Equal(descriptor.Id, linked.Id);
                Assert.Equal(descriptor.Title, linked.Title);
                Assert.Equal(descriptor.MessageFormat, linked.MessageFormat);
                Assert.Equal(descriptor.Description, linked.Description);
                Assert.Equal(descriptor.Category, linked.Category);
                Assert.Equal(descriptor.DefaultSeverity, linked.DefaultSeverity);
                Assert.Equal(descriptor.IsEnabledByDefault, linked.IsEnabledByDefault);
                Assert.Equal(descriptor.CustomTags, linked.CustomTags);
                Assert.Same(linked, WithHelpLink(descriptor, Documentation));
                Assert.NotSame(linked, WithHelpLink(descriptor, Documentation + "#other"));
            }
        }
    }
}
