/**
 * The acquirer's registry of merchants, settlement accounts, terminals and their bindings: JPA entities and
 * repositories. A leaf: used by the domain and the steps, depends on nothing of the product.
 */
package org.unbinddesk.merchant;
