import { Modal, type ModalRootProps } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * Mantine's Modal, with its header as a plain div: the default <header> counts as a second "banner" landmark
 * next to the page's own header.
 */
export function AppModal({
  title,
  children,
  ...props
}: { title: ReactNode; children: ReactNode } & Omit<ModalRootProps, 'title' | 'children'>) {
  return (
    <Modal.Root {...props}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Fermer" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  )
}
