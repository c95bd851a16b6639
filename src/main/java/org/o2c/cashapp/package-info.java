/**
 * Cash application: candidates from everything a payer writes or sends, scores with reasons, three
 * bands (applied automatically, suggested to a person, unmatched), allocation proposals, the exception
 * queue and learning from people's decisions. A wrong automatic match is worse than none.
 */
package org.o2c.cashapp;
