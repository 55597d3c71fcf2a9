/**
 * Unbinding cases in the registry: how one is opened (checked once, by {@link org.unbinddesk.cases.CaseOpening}),
 * the rules it holds whichever API drives the engine ({@link org.unbinddesk.cases.UnbindingCase}), reviewers'
 * decisions, stages, outcomes and case numbers. The domain's centre: used by everything above it; depends on
 * {@code audit}, {@code merchant}, {@code documents} and {@code privacy}.
 */
package org.unbinddesk.cases;
