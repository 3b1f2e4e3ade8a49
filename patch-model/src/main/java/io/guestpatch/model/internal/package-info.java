/**
 * Implementation details of the model: the Immutables encodings that keep the valid-path types'
 * Optional attributes as Optionals, and the table that shares those Optionals. Not API, may change
 * without notice.
 */
@NullMarked
package io.guestpatch.model.internal;

import org.jspecify.annotations.NullMarked;
