/**
 * Value types shared by every module: the label schema, articles and sentences, labelled
 * sentences and predictions. Nothing here touches ND4J, so the types are cheap to build in tests.
 */
package org.stancekit.domain;
